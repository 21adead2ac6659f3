using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Salon.Application.Announcements;
using Salon.Application.Common.Persistence;
using Salon.Application.Consultations;
using Salon.Application.Meetings;
using Salon.Application.Members;
using Salon.Application.Moderation;
using Salon.Application.Notifications;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Salon.Domain.Announcements;
using Salon.Domain.Common;
using Salon.Domain.Consultations;
using Salon.Domain.Meetings;
using Salon.Domain.Members;
using Salon.Domain.Moderation;
using Salon.Domain.Notifications;
using Salon.Infrastructure.Identity;

namespace Salon.Infrastructure.Persistence;

/// <summary>The one database context. It implements every module's persistence port; each module sees
/// only its own port. SaveChanges dispatches domain events inside the transaction, before commit.
/// <para>This type is the SQLite context: its migrations are in <c>Persistence/Migrations/Sqlite</c>.
/// <see cref="PostgresSalonDbContext"/> derives from it only so that EF Core keeps PostgreSQL's migrations
/// (attributed to the derived type) apart from SQLite's (see docs/adr/0015-postgres-provider-and-migrations.md).</para></summary>
public class SalonDbContext : IdentityUserContext<SalonUser, Guid>,
    IDataProtectionKeyContext,
    IMembersDb,
    INotificationsDb,
    IConsultationsDb,
    IModerationDb,
    IMeetingsDb,
    IAnnouncementsDb
{
    private const int MaxEventRounds = 10;
    private readonly SqliteWriteGate? _writeGate;
    // The request's or job's own, set when the context is leased from the pool for its scope (ForScope) and let go
    // when it goes back: a pooled context outlives the scope, and none of these may cross to the next one.
    private IDomainEventDispatcher? _dispatcher;
    private IOutboxSignal? _outboxSignal;
    private JobWork _jobWorkInTransaction;
    private bool _leasedByScope;

    /// <summary>A context without a scope (tools, the backup's model): no domain events are dispatched, no job signalled.
    /// The app's contexts come from the pool (<see cref="ScopedContext{TContext}"/>), each given its scope's dispatcher.</summary>
    public SalonDbContext(DbContextOptions<SalonDbContext> options)
        : this((DbContextOptions)options)
    {
    }

    /// <summary>For a provider-specific context type (its own options and migrations).</summary>
    protected SalonDbContext(DbContextOptions options)
        : base(options)
    {
        _writeGate = options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteConnectionInterceptor>().FirstOrDefault()?.WriteGate;
        // A save inside an explicit transaction sets no savepoint: Salon's transactions are kept whole or not at all
        // (IDatabaseTransactions), so there is never a failed save to roll back to and carry on from, and on PostgreSQL
        // each savepoint and its release are two more round trips while the member's row lock is held (docs/adr/0047).
        // A pooled context keeps this: the pool restores the settings a context had when first leased.
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>Binds a context leased from the pool to one request or job scope: the scope's event dispatcher (its
    /// handlers are the scope's services) and the job signal. Until <see cref="ReturnToPoolAsync"/>, Dispose does nothing:
    /// the scope disposes this one instance once per port it was resolved as (each module's port is a registration of
    /// its own), and a second return to the pool would hand back a context that another scope had leased meanwhile.</summary>
    internal SalonDbContext ForScope(IDomainEventDispatcher dispatcher, IOutboxSignal? outboxSignal)
    {
        _dispatcher = dispatcher;
        _outboxSignal = outboxSignal;
        _jobWorkInTransaction = JobWork.None;
        _leasedByScope = true;
        return this;
    }

    /// <summary>The end of the scope's lease (once, by <see cref="ScopedContext{TContext}"/>): nothing of the scope is
    /// kept, and EF Core resets the rest (tracked entities, transaction, connection) as the context goes back.</summary>
    internal ValueTask ReturnToPoolAsync()
    {
        EndLease();
        return base.DisposeAsync();
    }

    /// <inheritdoc cref="ReturnToPoolAsync"/>
    internal void ReturnToPool()
    {
        EndLease();
        base.Dispose();
    }

    private void EndLease()
    {
        _dispatcher = null;
        _outboxSignal = null;
        _jobWorkInTransaction = JobWork.None;
        _leasedByScope = false;
    }

    public override void Dispose()
    {
        if (!_leasedByScope)
        {
            base.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _leasedByScope ? ValueTask.CompletedTask : base.DisposeAsync();
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<SignUp> SignUps => Set<SignUp>();

    public DbSet<MemberBlock> MemberBlocks => Set<MemberBlock>();

    public DbSet<MemberSession> MemberSessions => Set<MemberSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<UndeliverableAddress> UndeliverableAddresses => Set<UndeliverableAddress>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<DigestPreference> DigestPreferences => Set<DigestPreference>();

    public DbSet<UnsubscribeToken> UnsubscribeTokens => Set<UnsubscribeToken>();

    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    public DbSet<AnnouncementDelivery> AnnouncementDeliveries => Set<AnnouncementDelivery>();

    public DbSet<Board> Boards => Set<Board>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<TopicTag> TopicTags => Set<TopicTag>();

    public DbSet<Reply> Replies => Set<Reply>();

    public DbSet<Reaction> Reactions => Set<Reaction>();

    public DbSet<TopicFollow> TopicFollows => Set<TopicFollow>();

    public DbSet<TopicBookmark> TopicBookmarks => Set<TopicBookmark>();

    public DbSet<TopicRead> TopicReads => Set<TopicRead>();

    public DbSet<HiddenPost> HiddenPosts => Set<HiddenPost>();

    public DbSet<ModerationItem> ModerationItems => Set<ModerationItem>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<WatchedWord> WatchedWords => Set<WatchedWord>();

    public DbSet<CaringNotice> CaringNotices => Set<CaringNotice>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingApplication> MeetingApplications => Set<MeetingApplication>();

    public DbSet<Announcement> Announcements => Set<Announcement>();

    /// <summary>An explicit transaction for a handler that reads and decides under a row lock. E-mail written
    /// inside it is signalled to the sender when it commits.</summary>
    public async Task<IDatabaseTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        var turn = await EnterWriteGateAsync(cancellationToken);
        try
        {
            return new Transaction(this, await Database.BeginTransactionAsync(cancellationToken), turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    /// <summary>On SQLite, waits for this process's turn to write (<see cref="SqliteWriteGate"/>); elsewhere, nothing.</summary>
    private async Task<IDisposable> EnterWriteGateAsync(CancellationToken cancellationToken) =>
        _writeGate is null ? SqliteWriteGate.NoTurnNeeded : await _writeGate.EnterAsync(cancellationToken);

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        await using var transaction = await BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task HandleStagedEventsAsync(CancellationToken cancellationToken) => DispatchDomainEventsAsync(cancellationToken);

    public bool IsUniqueKeyViolation(DbUpdateException exception) => UniqueKeyViolations.Is(exception);

    public bool IsDeadlock(Exception exception) => UniqueKeyViolations.IsDeadlock(exception);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            await DispatchDomainEventsAsync(cancellationToken);
            _jobWorkInTransaction |= StagedJobWork();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        int written;
        JobWork jobWork;
        // What the events' handlers read (followers, preferences, members) is read before the write lock is taken;
        // what they stage is written with the change, in its transaction.
        await DispatchDomainEventsAsync(cancellationToken);
        using (await EnterWriteGateAsync(cancellationToken))
        await using (var transaction = await Database.BeginTransactionAsync(cancellationToken))
        {
            await DispatchDomainEventsAsync(cancellationToken);
            jobWork = StagedJobWork();
            written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        SignalJobs(jobWork);

        return written;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SalonDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are UTC everywhere; SQLite hands DateTime back as Unspecified, so say what it is.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        if (_dispatcher is null)
        {
            return;
        }

        // Handlers may change entities that raise further events; dispatch until quiet.
        for (var round = 0; round < MaxEventRounds; round++)
        {
            var entities = ChangeTracker.Entries<Entity>()
                .Select(e => e.Entity)
                .Where(e => e.DomainEvents.Count > 0)
                .ToList();
            if (entities.Count == 0)
            {
                return;
            }

            var events = entities.SelectMany(e => e.DomainEvents).ToList();
            entities.ForEach(e => e.ClearDomainEvents());
            foreach (var domainEvent in events)
            {
                await _dispatcher.DispatchAsync(domainEvent, cancellationToken);
            }
        }

        throw new InvalidOperationException("Domain events kept raising further events; giving up to avoid a loop.");
    }

    /// <summary>What a change left for a job to do once it commits: e-mail in the outbox, announcement notices to deliver.</summary>
    [Flags]
    private enum JobWork
    {
        None = 0,
        Outbox = 1,
        AnnouncementNotices = 2,
    }

    private JobWork StagedJobWork() =>
        (ChangeTracker.Entries<OutboxEmail>().Any(e => e.State == EntityState.Added) ? JobWork.Outbox : JobWork.None)
        | (ChangeTracker.Entries<AnnouncementDelivery>().Any(e => e.State == EntityState.Added) ? JobWork.AnnouncementNotices : JobWork.None);

    private void SignalJobs(JobWork work)
    {
        if (work.HasFlag(JobWork.Outbox))
        {
            _outboxSignal?.OutboxWritten();
        }

        if (work.HasFlag(JobWork.AnnouncementNotices))
        {
            _outboxSignal?.AnnouncementNoticesDue();
        }
    }

    private sealed class Transaction(SalonDbContext context, IDbContextTransaction inner, IDisposable turn) : IDatabaseTransaction
    {
        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await inner.CommitAsync(cancellationToken);
            var jobWork = context._jobWorkInTransaction;
            context._jobWorkInTransaction = JobWork.None;
            context.SignalJobs(jobWork);
        }

        public async ValueTask DisposeAsync()
        {
            context._jobWorkInTransaction = JobWork.None;
            try
            {
                await inner.DisposeAsync();
            }
            finally
            {
                turn.Dispose();
            }
        }
    }

    /// <summary>Internal, not private: the compiled model (Persistence/CompiledModels) creates it.</summary>
    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
