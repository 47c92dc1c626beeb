using PublicHoliday;

namespace Kite.Core.Scheduling;

/// <summary>
/// The public holidays of a country (ISO 3166-1 alpha-2) and, for some, of a subdivision (ISO 3166-2, with or
/// without the country prefix: <c>DE-BY</c> or <c>BY</c>), computed by the PublicHoliday package: fixed dates,
/// Easter-based feasts and the observed (substitute) days of countries that move a holiday off a weekend.
/// </summary>
public static class HolidayCalendars
{
    private static readonly string[] CanadaProvinces = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"];

    private static readonly Dictionary<string, FrancePublicHoliday.Regions> FranceRegions = new(StringComparer.Ordinal)
    {
        ["57"] = FrancePublicHoliday.Regions.AlsaceMoselle,
        ["67"] = FrancePublicHoliday.Regions.AlsaceMoselle,
        ["68"] = FrancePublicHoliday.Regions.AlsaceMoselle,
        ["6AE"] = FrancePublicHoliday.Regions.AlsaceMoselle,
        ["GP"] = FrancePublicHoliday.Regions.Guadeloupe,
        ["GF"] = FrancePublicHoliday.Regions.Guyane,
        ["RE"] = FrancePublicHoliday.Regions.Reunion,
        ["MQ"] = FrancePublicHoliday.Regions.Martinique,
        ["YT"] = FrancePublicHoliday.Regions.Mayotte,
        ["NC"] = FrancePublicHoliday.Regions.NouvelleCaledonie,
        ["PF"] = FrancePublicHoliday.Regions.PolynesieFrancaise,
        ["BL"] = FrancePublicHoliday.Regions.SaintBarthelemy,
        ["MF"] = FrancePublicHoliday.Regions.SaintMartin,
        ["WF"] = FrancePublicHoliday.Regions.WallisEtFutuna,
    };

    private static readonly Dictionary<string, UKBankHoliday.UkCountries> UkCountries = new(StringComparer.Ordinal)
    {
        ["ENG"] = UKBankHoliday.UkCountries.England,
        ["WLS"] = UKBankHoliday.UkCountries.Wales,
        ["SCT"] = UKBankHoliday.UkCountries.Scotland,
        ["NIR"] = UKBankHoliday.UkCountries.NorthernIreland,
    };

    private static readonly Dictionary<string, PortugalPublicHoliday.Regions> PortugalRegions = new(StringComparer.Ordinal)
    {
        ["20"] = PortugalPublicHoliday.Regions.Acores,
        ["30"] = PortugalPublicHoliday.Regions.Madeira,
    };

    /// <summary>The countries Kite has a calendar for.</summary>
    public static IReadOnlyList<string> Countries { get; } =
        [.. Enum.GetNames<PublicHolidayCountryCode>().Select(n => n.ToUpperInvariant()).Where(c => c != "PO").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The countries whose subdivisions Kite knows.</summary>
    public static IReadOnlyList<string> CountriesWithSubdivisions { get; } = ["AU", "CA", "CH", "DE", "FR", "GB", "PT"];

    /// <summary>Whether the day of <paramref name="date"/> (as its own offset shows it) is a public holiday there.</summary>
    public static bool IsHoliday(DateOnly date, string country, string? subDivision) =>
        For(country, subDivision).IsPublicHoliday(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>What is wrong with a country and subdivision, in a sentence naming them, or null when Kite has their calendar.</summary>
    public static string? Problem(string country, string? subDivision)
    {
        try
        {
            For(country, subDivision);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private static IPublicHolidays For(string country, string? subDivision)
    {
        var code = country.Trim().ToUpperInvariant();
        if (!Countries.Contains(code))
        {
            throw new FormatException(
                $"PublicHoliday country '{country}' is not supported: Kite computes the public holidays of {string.Join(", ", Countries)} (ISO 3166-1 alpha-2 codes)");
        }

        var calendar = PublicHolidayFactory.GetPublicHolidayForCountry(code);
        if (string.IsNullOrWhiteSpace(subDivision))
        {
            return calendar;
        }

        var part = subDivision.Trim().ToUpperInvariant();
        if (part.StartsWith(code + "-", StringComparison.Ordinal))
        {
            part = part[(code.Length + 1)..];
        }

        var letters = part.Length > 0 && part.All(char.IsAsciiLetter);
        return code switch
        {
            "DE" when letters && Enum.TryParse<GermanPublicHoliday.States>(part, out var state) && state != GermanPublicHoliday.States.ALL => new GermanPublicHoliday { State = state },
            "AU" when letters && Enum.TryParse<AustraliaPublicHoliday.States>(part, out var state) && state != AustraliaPublicHoliday.States.All => new AustraliaPublicHoliday { State = state },
            "CH" when letters && Enum.TryParse<SwitzerlandPublicHoliday.Cantons>(part, out var canton) && canton is not (SwitzerlandPublicHoliday.Cantons.ALL or SwitzerlandPublicHoliday.Cantons.OnlyOfficial)
                => new SwitzerlandPublicHoliday { Canton = canton },
            "CA" when CanadaProvinces.Contains(part) => new CanadaPublicHoliday(part),
            "FR" when FranceRegions.TryGetValue(part, out var region) => new FrancePublicHoliday { Region = region },
            "GB" when UkCountries.TryGetValue(part, out var nation) => new UKBankHoliday(nation),
            "PT" when PortugalRegions.TryGetValue(part, out var region) => new PortugalPublicHoliday { Region = region },
            _ => throw new FormatException(CountriesWithSubdivisions.Contains(code)
                ? $"PublicHoliday subDivision '{subDivision}' is not a subdivision of country '{code}' that Kite knows"
                : $"PublicHoliday subDivision '{subDivision}' cannot be used with country '{code}': Kite knows the subdivisions of {string.Join(", ", CountriesWithSubdivisions)} only"),
        };
    }
}
