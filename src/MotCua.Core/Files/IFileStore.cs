namespace MotCua.Core.Files;

/// <summary>
/// Where uploaded scans, forms and result documents live: a local folder by default, S3-compatible
/// storage in a multi-node deployment. Keys are opaque and never derived from user input.
/// </summary>
public interface IFileStore
{
    Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken);

    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes, reads back and removes a probe file: the readiness check of the store.</summary>
    Task<bool> ProbeAsync(CancellationToken cancellationToken);
}
