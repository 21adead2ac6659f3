namespace Salon.Infrastructure.Persistence;

/// <summary>Whether this process has seen its database with every migration it knows applied.</summary>
public sealed class MigrationsState
{
    private volatile bool _upToDate;

    public bool UpToDate
    {
        get => _upToDate;
        set => _upToDate = value;
    }
}
