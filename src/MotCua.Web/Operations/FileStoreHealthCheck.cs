using Microsoft.Extensions.Diagnostics.HealthChecks;
using MotCua.Core.Files;

namespace MotCua.Web.Operations;

internal sealed class FileStoreHealthCheck(IFileStore files) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await files.ProbeAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("File store is not writable.");
}
