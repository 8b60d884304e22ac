using Spool.Core.Planning;

namespace Spool.Core.Operations;

/// <summary>Removes what a failed or cancelled run left under .partial names: nothing incomplete stays behind.</summary>
internal static class PartialFiles
{
    public static void Delete(IEnumerable<OutputPlan> outputs)
    {
        foreach (var output in outputs)
        {
            try
            {
                File.Delete(output.PartialPath);
            }
            catch (IOException)
            {
                // A partial that cannot be removed now is still named .partial: never mistaken for an output.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
