using System.Runtime.InteropServices;

namespace MedInfo.Web.Hosting;

/// <summary>
/// The C library's heap, under the runtime (SQLite's page caches, Brotli's and zlib's state, the TLS library). On
/// Linux, glibc gives threads that allocate at once arenas of their own, up to eight per core, and after a large
/// block is freed it serves blocks of that size from the arenas instead of mapping them: a portal that compresses
/// and reads pages on many threads then keeps tens of megabytes it no longer uses. Two arenas, and large blocks
/// always mapped (so unmapped once freed), hand that memory back; the runtime's own heap is the GC's and is not
/// affected.
/// </summary>
internal static class NativeHeap
{
    private const int ArenaMax = -8;        // M_ARENA_MAX
    private const int MmapThreshold = -3;   // M_MMAP_THRESHOLD; setting it also stops glibc raising it

    /// <summary>Called first thing at start-up, before the threads that allocate the most exist.</summary>
    public static void KeepSmall()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = SetOption(ArenaMax, 2);
            _ = SetOption(MmapThreshold, 128 * 1024);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without mallopt keeps its own defaults.
        }
    }

    // DllImport rather than LibraryImport: the generated form needs unsafe code allowed in the whole project.
    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int SetOption(int option, int value);
}
