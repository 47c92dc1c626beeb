namespace Kite.Core.Executions;

/// <summary>
/// The bytes a text takes as a JSON string in a bus message (UTF-8, with quotes and backslashes escaped and control
/// characters as <c>\u00XX</c> at most), for refusing a job before the broker would refuse its message.
/// </summary>
public static class MessageSize
{
    public const long Mebibyte = 1024 * 1024;

    public static long AsJsonString(string text)
    {
        long bytes = 2;
        foreach (var c in text)
        {
            bytes += c switch
            {
                '"' or '\\' => 2,
                < ' ' => 6,
                < (char)0x80 => 1,
                < (char)0x800 => 2,
                // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
                >= (char)0xD800 and <= (char)0xDFFF => 2,
                _ => 3,
            };
        }

        return bytes;
    }

    public static string Describe(long bytes) => $"{bytes / (double)Mebibyte:0.0} MiB";
}
