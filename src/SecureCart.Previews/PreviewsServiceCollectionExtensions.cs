using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Databases;
using SecureCart.Previews.DeveloperConsole;
using SecureCart.Previews.Endpoints;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Environments;
using SecureCart.Previews.FairUse;
using SecureCart.Previews.Hosting;
using SecureCart.Previews.Jobs;
using SecureCart.Previews.Live;
using SecureCart.Previews.Options;
using SecureCart.Previews.Planning;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Reads;

namespace SecureCart.Previews;

public static class PreviewsServiceCollectionExtensions
{
    internal const string ReadyTag = "ready";

    /// <summary>The whole service: state, rules, jobs, auth, API plumbing. A host may register its own engine first.</summary>
    public static IServiceCollection AddPreviews(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // One options class per section, each checked before the host starts (a bad value stops start-up, not a request).
        var state = AddSection<StateOptions>(services, configuration, StateOptions.Section);
        var auth = AddSection<AuthOptions>(services, configuration, AuthOptions.Section);
        var consoleOidc = AddSection<ConsoleOidcOptions>(services, configuration, ConsoleOidcOptions.Section);
        var audit = AddSection<AuditOptions>(services, configuration, AuditOptions.Section);
        var network = AddSection<NetworkOptions>(services, configuration, NetworkOptions.Section);
        var previewBase = AddSection<PreviewBaseOptions>(services, configuration, PreviewBaseOptions.Section);
        AddSection<LifetimeOptions>(services, configuration, LifetimeOptions.Section);
        AddSection<QuotaOptions>(services, configuration, QuotaOptions.Section);
        AddSection<WorkerOptions>(services, configuration, WorkerOptions.Section);
        AddSection<ReaperOptions>(services, configuration, ReaperOptions.Section);
        var databases = AddSection<PreviewDatabaseOptions>(services, configuration, PreviewDatabaseOptions.Section);
        var rateLimits = AddSection<RateLimitOptions>(services, configuration, RateLimitOptions.Section);
        AddSection<RetentionOptions>(services, configuration, RetentionOptions.Section);
        AddSection<LiveOptions>(services, configuration, LiveOptions.Section);
        AddSection<OrphanOptions>(services, configuration, OrphanOptions.Section);
        AddSection<NoticeOptions>(services, configuration, NoticeOptions.Section);
        var environmentCache = AddSection<EnvironmentCacheOptions>(services, configuration, EnvironmentCacheOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.AddPooledDbContextFactory<PreviewsDbContext>((sp, options) =>
        {
            if (state.IsPostgres)
            {
                options.UseNpgsql(TunedForService(state.ConnectionString));
            }
            else
            {
                options.UseSqlite(state.ConnectionString);
            }

            // The migration is written by hand for both providers, so there is no provider-specific model snapshot to compare with.
            options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));

            // Environments written here leave this replica's cache at commit.
            options.AddInterceptors(sp.GetRequiredService<EnvironmentCacheInvalidation>());
        });
        services.AddSingleton(new StateDialect(state.IsPostgres));
        services.AddEnvironmentReads(state.IsPostgres, state.IsPostgres ? TunedForService(state.ConnectionString) : state.ConnectionString, environmentCache.Enabled);
        services.AddSingleton<EnvironmentTotals>();

        // The readiness check opens a context per probe; everything else uses the pooled factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PreviewsDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddDbContextCheck<PreviewsDbContext>("state", tags: [ReadyTag]);

        // An operator reads what the service did, not each SQL statement and request line; config can turn them back on.
        services.AddLogging(logging => logging
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning));

        services.TryAddSingleton(new PlatformPreviewPlanner(
            PlatformPreviewPlanner.BaseFrom(previewBase.StackName, previewBase.Region, previewBase.Domain, previewBase.Architecture),
            PriceBook.Default));
        services.TryAddSingleton<IPreviewPlanner>(sp => sp.GetRequiredService<PlatformPreviewPlanner>());
        services.TryAddSingleton<IPreviewEngine, PlanOnlyEngine>();
        services.AddPreviewDatabases(databases);
        services.AddSingleton(new AuditHasher(System.Text.Encoding.UTF8.GetBytes(audit.HmacKey ?? "")));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditAnchors>();
        services.AddSingleton<ViewMapper>();
        services.AddSingleton<OperationSignal>();
        services.AddSingleton<PostgresCreate>();
        services.AddSingleton<CreateQueue>();
        services.AddSingleton<EnvironmentCommands>();
        services.AddSingleton<EnvironmentLifecycle>();
        services.AddSingleton<OperationQueue>();
        services.AddSingleton<PostgresOperationStore>();
        services.AddSingleton<OperationRunner>();
        services.AddSingleton<ForegroundRequests>();
        services.AddSingleton<ApiKeys>();

        // Order matters: the schema exists before the worker and the reaper start.
        services.AddHostedService<StateInitializer>();
        services.AddSingleton<OperationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationWorker>());
        services.AddSingleton<ExpiryReaper>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiryReaper>());
        services.AddHostedService(sp => sp.GetRequiredService<AuditAnchors>());
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());
        services.AddFairUse(rateLimits);
        AddLive(services, state);
        services.AddSingleton<JobLease>();
        services.AddSingleton<Orphans.OrphanSweep>();
        services.AddHostedService<OrphanSweeper>();
        AddNotices(services);

        // Parsed once here as well, so a mistyped address stops startup instead of the first request.
        TrustedProxies.Apply(new ForwardedHeadersOptions(), network);
        services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Apply(o, network));
        AddAuth(services, auth, consoleOidc);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.AllowTrailingCommas = false);
        services.AddOpenApi();
        services.AddDeveloperConsole();
        return services;
    }

    /// <summary>Operation events pushed to watchers: through LISTEN/NOTIFY across replicas, in-process on SQLite.</summary>
    private static void AddLive(IServiceCollection services, StateOptions state)
    {
        services.AddSingleton<OperationFeed>();
        services.AddSingleton<SharedReads>();
        services.AddSingleton<OperationWatch>();
        if (state.IsPostgres)
        {
            services.AddSingleton<PostgresNotificationListener>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresNotificationListener>());
        }
    }

    /// <summary>Notices before expiry: scheduled and delivered on every replica, the extend links they carry.</summary>
    private static void AddNotices(IServiceCollection services)
    {
        services.AddHttpClient(Notices.WebhookSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<Notices.ExtendLinks>();
        services.AddSingleton<Notices.WebhookSender>();
        services.AddSingleton<Notices.EmailSender>();
        services.AddSingleton<Notices.NoticeDispatcher>();
        services.AddHostedService<NoticeJob>();
    }

    /// <summary>
    /// Unless the operator set them: prepare the service's few hot statements on each connection, and skip the
    /// session reset when a pooled connection is reused (the service never changes session state).
    /// </summary>
    private static string TunedForService(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Binds one section and validates it (nested members too) at start-up; returns the bound values for registration-time choices.</summary>
    private static T AddSection<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class, new()
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return configuration.GetSection(section).Get<T>() ?? new T();
    }

    private static void AddAuth(IServiceCollection services, AuthOptions auth, ConsoleOidcOptions consoleOidc)
    {
        // The selector must not be named "Bearer": that is the JWT handler's own scheme name, and registering both
        // under one name fails start-up ("Scheme already exists: Bearer").
        const string Selector = "ApiKeyOrJwt";
        var jwt = !string.IsNullOrEmpty(auth.Jwt.Authority);
        if (jwt && string.IsNullOrEmpty(auth.Jwt.Audience))
        {
            throw new InvalidOperationException("Previews:Auth:Jwt:Audience is required when Previews:Auth:Jwt:Authority is set: tokens are accepted only for this API's audience.");
        }

        if (consoleOidc.Enabled && !jwt)
        {
            throw new InvalidOperationException(
                "Previews:Auth:ConsoleOidc:ClientId is set but Previews:Auth:Jwt:Authority is not: the console signs in through the issuer the API trusts, so set that issuer (and its audience) too.");
        }

        if (consoleOidc.Enabled && !consoleOidc.EffectiveScopes.Contains("openid", StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"Previews:Auth:ConsoleOidc:Scopes must include 'openid' (it has {string.Join(", ", consoleOidc.EffectiveScopes)}): without it the issuer sends no id token to sign in with.");
        }

        var builder = services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or OIDC token", o => o.ForwardDefaultSelector = context =>
            {
                if (ConsoleAuthentication.Selects(context))
                {
                    return ConsoleAuthentication.SchemeName;
                }

                var header = context.Request.Headers.Authorization.ToString();
                var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
                return jwt && !token.StartsWith(ApiKeys.KeyPrefix, StringComparison.Ordinal) && token.Count(c => c == '.') == 2
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddConsoleCookie();
        if (jwt)
        {
            builder.AddJwtBearer(o => JwtCallers.Configure(o, auth.Jwt));
        }

        if (consoleOidc.Enabled)
        {
            builder.AddConsoleOidc(consoleOidc, auth.Jwt);
        }

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(CallerClaims.Team).Build())
            .AddPolicy(CallerClaims.AdminPolicy, p => p.RequireAuthenticatedUser().RequireClaim(CallerClaims.Team).RequireRole(CallerClaims.AdminRole));
    }
}
