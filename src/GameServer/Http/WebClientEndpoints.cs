using GameServer.Admin;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GameServer.Http;

/// <summary>
/// Serves the browser client (clients/web, copied to the output's wwwroot at build): Arena at <c>/</c>, Tag at
/// <c>/tag</c>, the scoreboard at <c>/spectate</c>, a replay at <c>/replay/{id}</c>, and the operator's console at <c>/admin</c>
/// while the console is on.
/// </summary>
public static class WebClientEndpoints
{
    /// <summary>The folder under the app's base directory the build copies clients/web to.</summary>
    public const string Folder = "wwwroot";

    private const string AdminPage = "admin.html";
    private const string AdminPagePath = "/" + AdminPage;

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
        // The console's page has one address, /admin, and only while the console is on: like its API, it answers
        // 404 otherwise, so a server without a token does not show that it has a console.
        app.Use((context, next) => context.Request.Path.Equals(AdminPagePath, StringComparison.OrdinalIgnoreCase) ? NotFound(context) : next(context));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapGet("/", () => Page(files, "index.html"));
        app.MapGet("/tag", () => Page(files, "tag.html"));
        app.MapGet("/spectate", () => Page(files, "spectate.html"));
        app.MapGet("/replay/{id}", () => Page(files, "replay.html"));
        if (app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.Enabled)
        {
            app.MapGet("/admin", () => Page(files, AdminPage));
        }
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static IResult Page(IFileProvider files, string name) =>
        TypedResults.Stream(files.GetFileInfo(name).CreateReadStream(), "text/html; charset=utf-8");
}
