using System.Text.Json;

namespace GameServer.Admin;

/// <summary>The admin API's JSON: camelCase, as the rest of the HTTP API.</summary>
internal static class AdminJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(AdminSample sample) => JsonSerializer.SerializeToUtf8Bytes(sample, Options);
}
