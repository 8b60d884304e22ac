using Spool.Web.Auth;

namespace Spool.Web.Api;

/// <summary>
/// What a submission may touch on this machine: with serve --root, its inputs (as named, and every file found in
/// them) and its output folder must lie inside a root; a pattern never climbs out of the folder it filters. Checked
/// before the file system is searched, and again on what the search found, since a folder inside a root may hold a
/// symlink that leads out of it.
/// </summary>
internal static class SubmitPaths
{
    // One message per path would flood the form for a folder of thousands of links.
    private const int MaxListed = 5;

    public static Dictionary<string, List<string>> CheckRequest(SubmitRequest request, PathRoots roots)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(roots);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (request.Pattern is { } pattern && (pattern.StartsWith('/') || pattern.Split('/', '\\').Contains("..")))
        {
            errors["pattern"] = [$"'{pattern}' must stay inside each input folder: no '..' and no leading '/'."];
        }

        // A relative path is SubmitValidation's to report; only absolute ones can be judged here.
        var inputs = (request.Inputs ?? []).Where(path => !string.IsNullOrWhiteSpace(path) && Path.IsPathFullyQualified(path));
        Outside(errors, "inputs", inputs, roots);
        Outside(errors, "output", request.Output is { } output && Path.IsPathFullyQualified(output) ? [output] : [], roots);
        return errors;
    }

    public static Dictionary<string, List<string>> CheckFound(ValidSubmission submission, PathRoots roots)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(roots);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Outside(errors, "inputs", submission.Inputs.Select(input => input.Path), roots);
        Outside(errors, "output", [submission.Settings.OutputDirectory], roots);
        return errors;
    }

    private static void Outside(Dictionary<string, List<string>> errors, string field, IEnumerable<string> paths, PathRoots roots)
    {
        if (!roots.Limits)
        {
            return;
        }

        var outside = paths.Where(path => !roots.Contains(path)).ToList();
        if (outside.Count == 0)
        {
            return;
        }

        var named = string.Join(", ", roots.Named);
        var messages = outside.Take(MaxListed).Select(path => $"'{path}' is outside the folders this server may use (--root {named}).").ToList();
        if (outside.Count > MaxListed)
        {
            messages.Add($"…and {outside.Count - MaxListed} more outside them.");
        }

        errors[field] = messages;
    }
}
