using System.Runtime.InteropServices;

namespace Salon.WebApi.Common;

/// <summary>What glibc's malloc holds free is given back to the system every <see cref="TrimInterval"/>
/// (<see cref="NativeHeapTrimmer"/>; docs/adr/0050). glibc gives each thread that allocates an arena of its own, up to
/// eight per core, and keeps what is freed in each for that arena's later use; SQLite's page caches, the runtime and the
/// JIT allocate from every thread of the pool, so after a load the process held about 60 MiB in 15 arenas, 25 MiB of it
/// free (docs/performance.md, "Memory"). The arenas' number can only be limited before the runtime starts its threads,
/// by the environment (<c>MALLOC_ARENA_MAX=2</c>, docs/deploy.md); a limit set from <c>Program</c> left 8 arenas and
/// measured nothing. Only on glibc: elsewhere (Windows, macOS, musl) nothing is done.</summary>
internal static class NativeHeap
{
    public static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(10);

    /// <summary>Linux with glibc, which has <c>malloc_trim</c>.</summary>
    public static bool CanTrim { get; } = OperatingSystem.IsLinux() && HasGlibc();

    /// <summary>Gives the free memory of every arena back to the system (whole pages; what is in use stays); true when
    /// some was given back.</summary>
    public static bool Trim() => MallocTrim(0) == 1;

    private static bool HasGlibc()
    {
        try
        {
            return GnuGetLibcVersion() != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // "libc" is the C library the runtime itself uses (libc.so.6 on glibc). Plain DllImports: their arguments need no
    // marshalling, and LibraryImport would need unsafe code in the project.
    [DllImport("libc", EntryPoint = "gnu_get_libc_version")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint GnuGetLibcVersion();

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
