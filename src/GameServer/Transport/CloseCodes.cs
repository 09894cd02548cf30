using System.Text;

namespace GameServer.Transport;

/// <summary>Which close codes and reasons a peer may send (RFC 6455 7.4).</summary>
public static class CloseCodes
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// 1000-1003 and 1007-1011 are defined for use on the wire, 3000-4999 for libraries and applications; 1004-1006,
    /// 1015 and everything else are not to be sent in a close frame.
    /// </summary>
    public static bool IsValidFromPeer(int code) => code is (>= 1000 and <= 1003) or (>= 1007 and <= 1011) or (>= 3000 and <= 4999);

    public static bool IsValidReason(ReadOnlySpan<byte> reason)
    {
        try
        {
            s_strictUtf8.GetCharCount(reason);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
