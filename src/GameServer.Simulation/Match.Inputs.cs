namespace GameServer.Simulation;

public sealed partial class Match
{
    /// <summary>Validates this tick's inputs and folds them into each player's held input.</summary>
    /// <remarks>
    /// Inputs of one player apply in the order given. An input whose sequence is not above the player's
    /// <see cref="EntityState.LastInputSequence"/> is stale or replayed and ignored (sequences start at 1). The
    /// latest valid input's movement and aim win for the tick; Fire fires if any valid input of the tick had it, and
    /// only when the cooldown allows, judged against the view tick of the last input that had it (lag compensation). A dead player's inputs are acknowledged (so clients stop resending) but do
    /// nothing. Inputs for unknown ids are ignored. More inputs can never mean more movement: movement is
    /// applied once per tick.
    /// </remarks>
    private void ApplyInputs(ReadOnlySpan<PlayerInput> inputs)
    {
        foreach (PlayerSlot slot in _players)
        {
            slot.FireRequested = false;
        }

        foreach (ref readonly PlayerInput input in inputs)
        {
            int slotIndex = FindSlotIndex(input.PlayerId);
            if (slotIndex < 0)
            {
                continue;
            }

            ref EntityState entity = ref _world.Get(input.PlayerId);
            InputMessage message = ArenaSchema.ToInput(input.Input);
            if (message.Sequence <= entity.LastInputSequence)
            {
                continue;
            }

            entity.LastInputSequence = message.Sequence;
            if ((entity.Flags & EntityFlags.Alive) == 0)
            {
                continue;
            }

            PlayerSlot slot = _players[slotIndex];
            slot.MoveX = message.MoveX;
            slot.MoveY = message.MoveY;
            slot.Aim = message.Aim;
            if ((message.Buttons & Buttons.Fire) != 0)
            {
                slot.FireRequested = true;
                slot.FireViewTick = message.ViewTick;
            }
        }
    }
}
