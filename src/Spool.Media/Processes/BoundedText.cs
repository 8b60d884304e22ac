using System.Globalization;
using System.Text;

namespace Spool.Media.Processes;

/// <summary>
/// Collects a stream's text up to a limit, keeping its first and last halves: ffmpeg says what it was asked to do at
/// the start and why it failed at the end, so the middle is what a runaway log can lose. Safe to append from one
/// reader while another thread reads the text.
/// </summary>
internal sealed class BoundedText
{
    private readonly Lock gate = new();
    private readonly StringBuilder head = new();
    private readonly StringBuilder tail = new();
    private readonly int headLimit;
    private readonly int tailLimit;
    private long omitted;

    public BoundedText(int limitChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limitChars, 2);
        headLimit = limitChars / 2;
        tailLimit = limitChars - headLimit;
    }

    public void Append(ReadOnlySpan<char> chunk)
    {
        lock (gate)
        {
            if (tail.Length == 0 && head.Length < headLimit)
            {
                var take = Math.Min(headLimit - head.Length, chunk.Length);
                head.Append(chunk[..take]);
                chunk = chunk[take..];
            }

            tail.Append(chunk);

            // Trimming only once the tail holds twice its share keeps appends amortised O(1).
            if (tail.Length > 2 * tailLimit)
            {
                var excess = tail.Length - tailLimit;
                tail.Remove(0, excess);
                omitted += excess;
            }
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            var extra = Math.Max(0, tail.Length - tailLimit);
            if (omitted + extra == 0)
            {
                return string.Concat(head.ToString(), tail.ToString());
            }

            var marker = string.Create(
                CultureInfo.InvariantCulture, $"\n[... {omitted + extra} characters omitted ...]\n");
            return string.Concat(head.ToString(), marker, tail.ToString(extra, tail.Length - extra));
        }
    }
}
