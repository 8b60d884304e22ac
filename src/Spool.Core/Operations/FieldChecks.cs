using System.Globalization;

namespace Spool.Core.Operations;

/// <summary>Collects a request's problems field by field, so a form can show each beside its input (and the CLI the first).</summary>
internal sealed class FieldChecks
{
    private readonly List<FieldError> errors = [];

    public IReadOnlyList<FieldError> Errors => errors;

    public void Add(string field, string message) => errors.Add(new FieldError(field, message));

    /// <summary>One of <paramref name="choices"/>, case and spaces aside; <paramref name="fallback"/> when not given.</summary>
    public string? Choice(string field, string? value, string? fallback, IReadOnlyList<string> choices)
    {
        if (value is null)
        {
            return fallback;
        }

        var known = choices.FirstOrDefault(choice => string.Equals(choice, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            Add(field, $"unknown value '{value}'; choose {string.Join(", ", choices)}.");
        }

        return known;
    }

    public int Whole(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, Invariant($"must be between {min} and {max}."));
        }

        return value;
    }

    public double Number(string field, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            Add(field, Invariant($"must be between {min} and {max}."));
        }

        return value;
    }

    /// <summary>A time limit in seconds: above zero (at least <paramref name="min"/>), finite, and at most <paramref name="max"/>.</summary>
    public TimeSpan? Seconds(string field, double? value, double min, double max)
    {
        if (value is not { } seconds)
        {
            return null;
        }

        if (!double.IsFinite(seconds) || seconds <= 0 || seconds < min || seconds > max)
        {
            Add(field, Invariant($"must be a number of seconds above 0{(min > 0 ? $" (at least {min})" : "")} and at most {max}."));
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A percentage threshold: above 0, at most 100.</summary>
    public double? Percent(string field, double? value)
    {
        if (value is { } percent && (!double.IsFinite(percent) || percent <= 0 || percent > 100))
        {
            Add(field, "must be a percentage above 0 and at most 100.");
            return null;
        }

        return value;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
