namespace MotCua.Core.Documents;

/// <summary>
/// A printed administrative form (Decree 30/2020 layout: agency and national motto at the top, title,
/// body, signatures), kept independent of its rendering: the same model prints as HTML and downloads as DOCX.
/// </summary>
public sealed record FormDocument(
    string FormNumber,
    string ParentAgency,
    string Agency,
    string? Reference,
    string PlaceAndDate,
    string Title,
    string? Subtitle,
    IReadOnlyList<FormBlock> Blocks,
    IReadOnlyList<FormSignature> Signatures,
    string? QrText,
    string FileName,
    bool A5);

public abstract record FormBlock;

/// <summary>A paragraph of running text.</summary>
public sealed record FormParagraph(string Text, bool Bold = false, bool Italic = false) : FormBlock;

/// <summary>"Label: value" on one line.</summary>
public sealed record FormField(string Label, string Value) : FormBlock;

public sealed record FormList(IReadOnlyList<string> Items) : FormBlock;

public sealed record FormTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : FormBlock;

/// <summary>A signature block: who signs, the italic instruction, and the printed name when known.</summary>
public sealed record FormSignature(string Title, string Instruction, string? Name);
