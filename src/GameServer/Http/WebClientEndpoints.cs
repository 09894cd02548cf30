using Microsoft.Extensions.FileProviders;

namespace GameServer.Http;

/// <summary>Serves the browser client (clients/web, copied to the output's wwwroot at build): the game at <c>/</c>, the scoreboard at <c>/spectate</c>, a replay at <c>/replay/{id}</c>.</summary>
public static class WebClientEndpoints
{
    /// <summary>The folder under the app's base directory the build copies clients/web to.</summary>
    public const string Folder = "wwwroot";

    public static void MapWebClient(this WebApplication app)
    {
        // The base directory, not the content root: `dotnet run --project src/GameServer` from the repository root
        // and the test hosts have different content roots but always the same build output.
        string root = Path.Combine(AppContext.BaseDirectory, Folder);
        if (!Directory.Exists(root))
        {
            return;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapGet("/", () => Page(files, "index.html"));
        app.MapGet("/spectate", () => Page(files, "spectate.html"));
        app.MapGet("/replay/{id}", () => Page(files, "replay.html"));
    }

    private static IResult Page(IFileProvider files, string name) =>
        TypedResults.Stream(files.GetFileInfo(name).CreateReadStream(), "text/html; charset=utf-8");
}
