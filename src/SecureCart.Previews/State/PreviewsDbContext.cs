using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.State;

/// <summary>One model for PostgreSQL and SQLite: times are Unix milliseconds and enums are text, so both compare and sort alike.</summary>
public sealed class PreviewsDbContext(DbContextOptions<PreviewsDbContext> options) : DbContext(options)
{
    public DbSet<EnvironmentRecord> Environments => Set<EnvironmentRecord>();
    public DbSet<OperationRecord> Operations => Set<OperationRecord>();
    public DbSet<OperationEventRecord> OperationEvents => Set<OperationEventRecord>();
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();
    public DbSet<TeamRecord> Teams => Set<TeamRecord>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<AuditRecord> AuditEntries => Set<AuditRecord>();
    public DbSet<AuditHeadRecord> AuditHead => Set<AuditHeadRecord>();
    public DbSet<AuditChainHeadRecord> AuditChainHeads => Set<AuditChainHeadRecord>();
    public DbSet<JobLeaseRecord> JobLeases => Set<JobLeaseRecord>();
    public DbSet<ExpiryNoticeRecord> ExpiryNotices => Set<ExpiryNoticeRecord>();
    public DbSet<NoticeTargetRecord> NoticeTargets => Set<NoticeTargetRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<EnvironmentStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OperationStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OperationKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EnvironmentRecord>(e =>
        {
            e.ToTable("Environments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.Team, x.Status });
            e.HasIndex(x => new { x.Team, x.Name });
            e.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<OperationRecord>(e =>
        {
            e.ToTable("Operations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasIndex(x => x.EnvironmentId);
        });
        modelBuilder.Entity<OperationEventRecord>(e =>
        {
            e.ToTable("OperationEvents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.HasIndex(x => new { x.OperationId, x.Sequence }).IsUnique();
        });
        modelBuilder.Entity<ApiKeyRecord>(e =>
        {
            e.ToTable("ApiKeys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.Hash).IsUnique();
        });
        modelBuilder.Entity<TeamRecord>(e =>
        {
            e.ToTable("Teams");
            e.HasKey(x => x.Name);
        });
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("IdempotencyKeys");
            e.HasKey(x => new { x.Team, x.Key });
        });
        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.HasIndex(x => new { x.Team, x.Sequence });
            e.HasIndex(x => new { x.Team, x.ChainSequence }).IsUnique().HasFilter("\"ChainSequence\" > 0");
        });
        modelBuilder.Entity<AuditHeadRecord>(e =>
        {
            e.ToTable("AuditHead");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<AuditChainHeadRecord>(e =>
        {
            e.ToTable("AuditChainHeads");
            e.HasKey(x => x.Team);
        });
        modelBuilder.Entity<JobLeaseRecord>(e =>
        {
            e.ToTable("JobLeases");
            e.HasKey(x => x.Name);
        });
        modelBuilder.Entity<ExpiryNoticeRecord>(e =>
        {
            e.ToTable("ExpiryNotices");
            e.HasKey(x => new { x.EnvironmentId, x.ExpiresAt, x.LeadMinutes, x.Channel });
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
        modelBuilder.Entity<NoticeTargetRecord>(e =>
        {
            e.ToTable("NoticeTargets");
            e.HasKey(x => x.EnvironmentId);
        });
    }
}
