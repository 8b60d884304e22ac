namespace Spool.Core.Validation;

/// <summary>The status words of `spool validate`; anything but <see cref="Ok"/> means the file should not be processed.</summary>
public static class ValidationStatus
{
    public const string Ok = "ok";
    public const string Corrupt = "corrupt";
    public const string NoVideoStream = "no_video_stream";
    public const string NotAVideo = "not_a_video";
    public const string Unsupported = "unsupported";
    public const string Missing = "missing";
    public const string Unreadable = "unreadable";
    public const string Cancelled = "cancelled";
}
