namespace MotCua.Core.Files;

/// <summary>A kind of document recognised by its first bytes, never by its name.</summary>
public sealed record DocumentKind(string Extension, string ContentType, string Name);

/// <summary>
/// Identifies uploaded files by their signature ("magic bytes"): a renamed executable is not a PDF.
/// Office Open XML and OpenDocument files are ZIP containers, told apart by the entries they hold.
/// </summary>
public static class FileSignature
{
    public static readonly DocumentKind Pdf = new("pdf", "application/pdf", "PDF");
    public static readonly DocumentKind Jpeg = new("jpg", "image/jpeg", "ảnh JPEG");
    public static readonly DocumentKind Png = new("png", "image/png", "ảnh PNG");
    public static readonly DocumentKind Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)");
    public static readonly DocumentKind Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)");
    public static readonly DocumentKind Odt = new("odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)");
    public static readonly DocumentKind LegacyOffice = new("doc", "application/msword", "Word 97–2003 (DOC)");

    public const int HeaderLength = 512;

    /// <summary>The kind of a file from its first bytes (at least <see cref="HeaderLength"/> when available), or null.</summary>
    public static DocumentKind? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (header.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Jpeg;
        }
        if (header.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }
        if (header.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return LegacyOffice;
        }
        return null;
    }

    /// <summary>True for a ZIP container (Office Open XML, OpenDocument): its entries tell which.</summary>
    public static bool IsZip(ReadOnlySpan<byte> header) => header.StartsWith("PK\u0003\u0004"u8);

    /// <summary>Which document a ZIP container is, from its entry names (the central directory, not the extension).</summary>
    public static DocumentKind? DetectZip(Stream stream)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("word/document.xml"))
            {
                return Docx;
            }
            if (names.Contains("xl/workbook.xml"))
            {
                return Xlsx;
            }
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() == Odt.ContentType ? Odt : null;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Reads the header of a stream that can seek, and rewinds it.</summary>
    public static async Task<DocumentKind?> DetectAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[HeaderLength];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        stream.Position = 0;
        var kind = IsZip(buffer.AsSpan(0, read)) ? DetectZip(stream) : Detect(buffer.AsSpan(0, read));
        stream.Position = 0;
        return kind;
    }
}
