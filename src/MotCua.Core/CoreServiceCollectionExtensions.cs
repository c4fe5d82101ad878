using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Core.Audit;
using MotCua.Core.Calendar;
using MotCua.Core.Catalogue;
using MotCua.Core.Catalogue.Transfer;
using MotCua.Core.Connectors.Npsp;
using MotCua.Core.Data;
using MotCua.Core.Dossiers;
using MotCua.Core.Dossiers.History;
using MotCua.Core.Files;
using MotCua.Core.Identity;
using MotCua.Core.Jobs;
using MotCua.Core.Notifications;
using MotCua.Core.Organisation;
using MotCua.Core.Reports;
using MotCua.Core.Seeding;

namespace MotCua.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the data layer and every module's services.</summary>
    public static IServiceCollection AddMotCuaCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMotCuaData(configuration);

        services.AddOptions<CredentialOptions>().Bind(configuration.GetSection(CredentialOptions.Section))
            .Validate(o => o.LockoutThreshold > 0 && o.LockoutDuration > TimeSpan.Zero, "Identity lockout settings must be positive.")
            .Validate(o => o.IdentityCacheEntries >= 0, "Identity:IdentityCacheEntries must not be negative.")
            .ValidateOnStart();
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.Section));

        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddOptions<Files.FileOptions>().Bind(configuration.GetSection(Files.FileOptions.Section))
            .Validate(o => o.MaxUploadMegabytes is > 0 and <= 512, "Files:MaxUploadMegabytes must be between 1 and 512.")
            .ValidateOnStart();
        services.AddScoped<Uploads>();

        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditSealSignal>();
        services.AddScoped<AuditSealer>();
        services.AddHostedService<AuditSealerService>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditQuery>();

        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section));
        services.AddSingleton<CalendarProvider>();
        services.AddScoped<CalendarService>();

        services.AddSingleton<CatalogueIndex>();
        services.AddScoped<CatalogueQuery>();
        services.AddScoped<CatalogueEditing>();
        services.AddScoped<CatalogueExport>();
        services.AddScoped<IJobHandler, CatalogueImport>();
        services.AddScoped<IJobHandler, HistoryImport>();
        services.AddScoped<IJobHandler, FigureReconciliation>();
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.AddHostedService<FigureReconciliationSchedule>();
        services.AddHostedService<FigureFolder>();

        services.AddScoped<DossierNotices>();
        services.AddScoped<ReceptionService>();
        services.AddScoped<DossierWorkflow>();
        services.AddScoped<DossierQuery>();
        services.AddScoped<DossierPublicLookup>();
        services.AddOptions<PublicLookupOptions>().Bind(configuration.GetSection(PublicLookupOptions.Section))
            .Validate(o => o.CacheEntries >= 0, "PublicLookup:CacheEntries must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<PublicLookupCache>();
        services.AddSingleton<OfficerIdentityCache>();
        services.AddSingleton<CacheEviction>();
        services.AddHostedService<CacheChangeListener>();
        services.AddScoped<ProcessingReportQuery>();
        services.AddScoped<ServiceIndexQuery>();
        services.AddScoped<TargetService>();
        services.AddOptions<PdfFontOptions>().Bind(configuration.GetSection(PdfFontOptions.Section));
        services.AddSingleton<ProcessingReportPdf>();
        services.AddScoped<DossierForms>();

        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.MaxAttempts > 0 && o.FirstRetry > TimeSpan.Zero && o.Poll > TimeSpan.Zero, "Outbox retry settings must be positive.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section));
        services.AddOptions<NpspOptions>().Bind(configuration.GetSection(NpspOptions.Section))
            .Validate(o => !o.Enabled || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _) && o.Secret.Length >= 16 && o.ClientId.Length > 0,
                "Npsp:Enabled needs an absolute Npsp:BaseUrl, a Npsp:ClientId and a Npsp:Secret of at least 16 characters.")
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxAdmin>();
        services.AddScoped<IOutboxSender, EmailSender>();
        services.AddScoped<IOutboxSender, SmsSender>();
        services.AddScoped<IOutboxSender, NpspSender>();
        services.AddHttpClient(NpspSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(SmsSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHostedService<OutboxDispatcher>();
        services.AddScoped<NpspInbound>();

        services.AddSingleton<JobSignal>();
        services.AddScoped<JobQueue>();
        services.AddHostedService<JobWorker>();

        services.AddSingleton<UnitTreeCache>();
        services.AddScoped<UnitTreeSource>();
        services.AddScoped<UnitService>();

        services.AddSingleton<IPasswordHasher<Officer>, PasswordHasher<Officer>>();
        services.AddSingleton<TotpAuthenticator>();
        services.AddScoped<CredentialService>();
        services.AddScoped<OfficerService>();

        services.AddSingleton<DatabaseInitializer>();
        services.AddScoped<BootstrapAdministrator>();
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
