using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Errors;

/// <summary>
/// A GPU encoder that cannot start names its cause on its first line; ffmpeg's last line is the generic "Error
/// initializing output stream". The fallback warning quotes the classified message, so the cause must win.
/// </summary>
public sealed class HardwareErrorTests
{
    private const string Generic = "Error initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe incorrect parameters such as bit_rate, rate, width or height";

    [Theory]
    [InlineData("[h264_nvenc @ 0x5580] OpenEncodeSessionEx failed: unsupported device (2): (no details)", "[h264_nvenc] OpenEncodeSessionEx failed: unsupported device (2): (no details)")]
    [InlineData("[AVHWDeviceContext @ 0x55573bfd1980] No VA display found for device /dev/dri/renderD128.", "[AVHWDeviceContext] No VA display found for device /dev/dri/renderD128.")]
    [InlineData("[h264_qsv @ 0x5612] Error initializing an internal MFX session: unsupported (-3)", "[h264_qsv] Error initializing an internal MFX session: unsupported (-3)")]
    public void A_hardware_encoder_that_cannot_start_is_encoder_unavailable_naming_its_cause(string cause, string quoted)
    {
        var result = new ProcessResult(ProcessEnd.Exited, 1, "", cause + "\n" + Generic + "\n", "ffmpeg -i file:in.mp4 file:out.mp4", TimeSpan.FromSeconds(1));

        var error = ErrorClassifier.Classify(result);

        Assert.Equal((ErrorCategory.EncoderUnavailable, "The hardware encoder cannot be used on this machine: " + quoted), (error.Category, error.Message));
    }
}
