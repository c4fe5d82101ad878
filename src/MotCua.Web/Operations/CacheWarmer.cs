using MotCua.Core.Calendar;
using MotCua.Core.Catalogue;

namespace MotCua.Web.Operations;

/// <summary>Builds the search index and the calendars right after start, so the first citizen does not wait for them.</summary>
internal sealed class CacheWarmer(CatalogueIndex catalogue, CalendarProvider calendars, ILogger<CacheWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await catalogue.GetAsync(stoppingToken);
            await calendars.DefaultAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Warming the catalogue index failed; it will be built on first use");
        }
    }
}
