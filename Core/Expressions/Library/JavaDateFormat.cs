using System.Globalization;
using System.Text;

namespace Kite.Core.Expressions.Library;

/// <summary>Formats a date with a Java <c>DateTimeFormatter</c> pattern (<c>yyyy-MM-dd'T'HH:mm:ss.SSSXXX</c>) or a named ISO format.</summary>
internal static class JavaDateFormat
{
    public static string Format(DateTimeOffset instant, string pattern)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (pattern.ToUpperInvariant())
        {
            case "ISO":
            case "ISO_OFFSET_DATE_TIME":
            case "ISO_ZONED_DATE_TIME":
            case "ISO_DATE_TIME":
                return instant.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", inv);
            case "ISO_INSTANT":
                return instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", inv) + "Z";
            case "ISO_DATE":
            case "ISO_LOCAL_DATE":
                return instant.ToString("yyyy-MM-dd", inv);
            case "ISO_LOCAL_DATE_TIME":
                return instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", inv);
            case "ISO_LOCAL_TIME":
            case "ISO_TIME":
                return instant.ToString("HH:mm:ss.FFFFFFF", inv);
            case "SQL":
                return instant.ToString("yyyy-MM-dd HH:mm:ss.ffffff", inv);
            default:
                return Convert(instant, pattern);
        }
    }

    private static string Convert(DateTimeOffset instant, string pattern)
    {
        var inv = CultureInfo.InvariantCulture;
        var output = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    end = pattern.Length;
                }
                output.Append(end == i + 1 ? "'" : pattern[(i + 1)..end]);
                i = end + 1;
                continue;
            }
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }
            i += run;
            output.Append(c switch
            {
                'y' or 'u' => run == 2 ? instant.ToString("yy", inv) : instant.Year.ToString(new string('0', run), inv),
                'M' => run switch { 1 => instant.Month.ToString(inv), 2 => instant.ToString("MM", inv), 3 => instant.ToString("MMM", inv), _ => instant.ToString("MMMM", inv) },
                'd' => run == 1 ? instant.Day.ToString(inv) : instant.ToString("dd", inv),
                'D' => instant.DayOfYear.ToString(new string('0', run), inv),
                'H' => run == 1 ? instant.Hour.ToString(inv) : instant.ToString("HH", inv),
                'h' => run == 1 ? instant.ToString("%h", inv) : instant.ToString("hh", inv),
                'm' => run == 1 ? instant.Minute.ToString(inv) : instant.ToString("mm", inv),
                's' => run == 1 ? instant.Second.ToString(inv) : instant.ToString("ss", inv),
                'S' => instant.ToString(new string('f', Math.Min(run, 7)), inv),
                'a' => instant.ToString("tt", inv),
                'E' => run >= 4 ? instant.ToString("dddd", inv) : instant.ToString("ddd", inv),
                'X' => instant.Offset == TimeSpan.Zero ? "Z" : Offset(instant, run),
                'x' or 'Z' => Offset(instant, run == 1 && c == 'Z' ? 2 : run),
                'z' or 'V' => instant.Offset == TimeSpan.Zero ? "UTC" : instant.ToString("zzz", inv),
                _ when char.IsLetter(c) => throw new ExpressionException($"date: unsupported pattern letter '{c}'"),
                _ => new string(c, run),
            });
        }
        return output.ToString();
    }

    private static string Offset(DateTimeOffset instant, int run)
    {
        var sign = instant.Offset < TimeSpan.Zero ? "-" : "+";
        var offset = instant.Offset.Duration();
        var inv = CultureInfo.InvariantCulture;
        return run switch
        {
            1 => sign + offset.Hours.ToString("00", inv),
            2 => sign + offset.Hours.ToString("00", inv) + offset.Minutes.ToString("00", inv),
            _ => sign + offset.Hours.ToString("00", inv) + ":" + offset.Minutes.ToString("00", inv),
        };
    }
}
