using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MotCua.Core.Data;

namespace MotCua.Core.Files;

/// <summary>Files under <c>{Data:Directory}/files/yyyy/MM/</c>, written to a temporary name and renamed, so a crash never leaves half a file under a real key.</summary>
public sealed partial class LocalFileStore(IOptions<DataOptions> options, TimeProvider time) : IFileStore
{
    [GeneratedRegex(@"^\d{4}/\d{2}/[0-9a-f]{32}(\.[a-z0-9]{1,8})?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    private string Root => Path.Combine(options.Value.FullPath, "files");

    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ext = new string(extension.TrimStart('.').ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(8).ToArray());
        var key = $"{now:yyyy}/{now:MM}/{Guid.CreateVersion7():N}" + (ext.Length > 0 ? "." + ext : "");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }
        File.Move(temporary, path);
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        if (!KeyPattern().IsMatch(key) || !File.Exists(PathOf(key)))
        {
            return Task.FromResult<Stream?>(null);
        }
        return Task.FromResult<Stream?>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (KeyPattern().IsMatch(key))
        {
            File.Delete(PathOf(key));
        }
        return Task.CompletedTask;
    }

    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Root);
            var probe = Path.Combine(Root, $".probe-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            var read = await File.ReadAllTextAsync(probe, cancellationToken);
            File.Delete(probe);
            return read == "ok";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string PathOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
}
