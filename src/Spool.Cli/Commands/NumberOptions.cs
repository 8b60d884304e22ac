using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Spool.Core.Operations;

namespace Spool.Cli.Commands;

/// <summary>
/// Number flags that parse their own value, so "lots" or 99999999999 is a usage error naming the flag (exit 2) rather
/// than an exception out of the parser. Ranges of a batch's numbers are the builder's; a worker's -j is checked here.
/// </summary>
internal static class NumberOptions
{
    /// <summary>A whole number, or null when the flag is not given.</summary>
    public static Option<int?> Whole(string name, string? alias, string description)
    {
        var option = alias is null ? new Option<int?>(name) : new Option<int?>(name, alias);
        option.Description = description;
        option.CustomParser = result => ParseWhole(result, name);
        return option;
    }

    /// <summary>A number (decimals and exponents allowed), or null when the flag is not given.</summary>
    public static Option<double?> Decimal(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = Token(result);
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"{name}: '{token}' is not a number.");
            return null;
        },
    };

    /// <summary>
    /// A worker's --max-concurrent: how many work items it runs at once, 1 to 64, or auto (the default): what spool
    /// bench measured on this machine, else the rule from the core count.
    /// </summary>
    public static Option<int> Concurrency() => new("--max-concurrent", "-j")
    {
        Description = $"Work items at once: auto (default: spool bench's best on this machine, else a rule from the cores) or 1 to {BatchSettingsBuilder.MostConcurrency}; a batch's own limit still holds.",
        DefaultValueFactory = _ => MachineAdvice.Current().Concurrency,
        CustomParser = result =>
        {
            if (Token(result) == Auto)
            {
                return MachineAdvice.Current().Concurrency;
            }

            if (ParseWhole(result, "--max-concurrent") is not { } value)
            {
                return 0;
            }

            if (value is < 1 or > BatchSettingsBuilder.MostConcurrency)
            {
                result.AddError($"--max-concurrent: must be between 1 and {BatchSettingsBuilder.MostConcurrency}.");
            }

            return value;
        },
    };

    /// <summary>
    /// A whole number or "auto", kept as its text (a parser that returned null for "auto" would not be read back);
    /// <see cref="AutoOrWhole"/> turns it into the number, or null for auto and for a flag not given.
    /// </summary>
    public static Option<string?> WholeOrAuto(string name, string? alias, string description)
    {
        var option = alias is null ? new Option<string?>(name) : new Option<string?>(name, alias);
        option.Description = description;
        option.Validators.Add(result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : Auto;
            if (token != Auto && !int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                var tooLarge = decimal.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
                result.AddError($"{name}: '{token}' is {(tooLarge ? "too large" : "not a whole number or auto")}.");
            }
        });
        return option;
    }

    public static int? AutoOrWhole(string? text) =>
        text is null or Auto ? null : int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private const string Auto = "auto";

    private static int? ParseWhole(ArgumentResult result, string name)
    {
        var token = Token(result);
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var tooLarge = decimal.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        result.AddError($"{name}: '{token}' is {(tooLarge ? "too large" : "not a whole number")}.");
        return null;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
