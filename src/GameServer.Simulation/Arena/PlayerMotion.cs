namespace GameServer.Simulation;

/// <summary>How a player's input becomes velocity and how the velocity moves it through the walls.</summary>
internal static class PlayerMotion
{
    /// <summary>Steers the velocity toward the input's target velocity, then clamps it to the speed limit.</summary>
    /// <remarks>
    /// The movement vector is clamped to <see cref="Quantization.MaxMoveAxis"/> first, so a diagonal (or a
    /// forged -128) is no faster than a straight line. With no movement the player slows by the friction.
    /// </remarks>
    public static void Steer(ref EntityState player, int moveX, int moveY, ArenaRules rules)
    {
        moveX = Math.Clamp(moveX, -Quantization.MaxMoveAxis, Quantization.MaxMoveAxis);
        moveY = Math.Clamp(moveY, -Quantization.MaxMoveAxis, Quantization.MaxMoveAxis);
        FixedMath.ClampLength(ref moveX, ref moveY, Quantization.MaxMoveAxis);

        int targetX = moveX * rules.MaxSpeed / Quantization.MaxMoveAxis;
        int targetY = moveY * rules.MaxSpeed / Quantization.MaxMoveAxis;
        int step = (moveX | moveY) != 0 ? rules.Acceleration : rules.Friction;

        int vx = player.Vx;
        int vy = player.Vy;
        FixedMath.StepToward(ref vx, ref vy, targetX, targetY, step);
        FixedMath.ClampLength(ref vx, ref vy, rules.MaxSpeed);
        player.Vx = vx;
        player.Vy = vy;
    }

    /// <summary>Moves the player by its velocity, one axis at a time, so that it slides along walls it touches.</summary>
    /// <remarks>
    /// A blocked axis stops at the wall's face and loses its velocity. The face lies between the old and the new
    /// position, so a wall never pushes a player further than its velocity would have taken it.
    /// </remarks>
    public static void Move(ref EntityState player, int radius)
    {
        if (player.Vx != 0)
        {
            int x = player.X + player.Vx;
            bool blocked = false;
            foreach (ref readonly WallRect wall in ArenaMap.Walls)
            {
                if (wall.Overlaps(x, player.Y, radius))
                {
                    x = player.Vx > 0 ? wall.Left - radius : wall.Right + radius;
                    blocked = true;
                }
            }

            player.X = x;
            if (blocked)
            {
                player.Vx = 0;
            }
        }

        if (player.Vy != 0)
        {
            int y = player.Y + player.Vy;
            bool blocked = false;
            foreach (ref readonly WallRect wall in ArenaMap.Walls)
            {
                if (wall.Overlaps(player.X, y, radius))
                {
                    y = player.Vy > 0 ? wall.Top - radius : wall.Bottom + radius;
                    blocked = true;
                }
            }

            player.Y = y;
            if (blocked)
            {
                player.Vy = 0;
            }
        }
    }
}
