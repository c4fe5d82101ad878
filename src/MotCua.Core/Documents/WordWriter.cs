using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MotCua.Core.Documents;

/// <summary>Writes a <see cref="FormDocument"/> as a Word document (Times New Roman 13, A4 or A5 portrait).</summary>
public static class WordWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Font = "Times New Roman";

    public static byte[] Write(FormDocument form, byte[]? qrPng = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main, form.A5 ? 24 : 26);

            body.Append(HeaderTable(form));
            body.Append(Para(form.Title, bold: true, center: true, spaceBefore: 240));
            if (form.Subtitle is { } subtitle)
            {
                body.Append(Para(subtitle, italic: true, center: true));
            }
            foreach (var block in form.Blocks)
            {
                switch (block)
                {
                    case FormParagraph p:
                        body.Append(Para(p.Text, p.Bold, p.Italic));
                        break;
                    case FormField f:
                        body.Append(Field(f.Label, f.Value));
                        break;
                    case FormList list:
                        for (var i = 0; i < list.Items.Count; i++)
                        {
                            body.Append(Para($"{i + 1}. {list.Items[i]}", indent: true));
                        }
                        break;
                    case FormTable table:
                        body.Append(Grid(table));
                        body.Append(Para(""));
                        break;
                }
            }
            if (qrPng is not null)
            {
                body.Append(Qr(main, qrPng));
            }
            body.Append(SignatureTable(form.Signatures));
            body.Append(Section(form.A5));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main, int halfPoints)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto })));
    }

    private static Table HeaderTable(FormDocument form)
    {
        var left = new List<Paragraph>
        {
            Para(form.ParentAgency.ToUpperInvariant(), center: true),
            Para(form.Agency.ToUpperInvariant(), bold: true, center: true),
        };
        if (form.Reference is { } reference)
        {
            left.Add(Para(reference, center: true));
        }
        var right = new List<Paragraph>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true),
            Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true),
            Para(form.PlaceAndDate, italic: true, center: true),
        };
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(new GridColumn { Width = "4000" }, new GridColumn { Width = "6000" }));
        table.Append(new TableRow(Cell(left, 2000), Cell(right, 3000)));
        return table;
    }

    private static Table SignatureTable(IReadOnlyList<FormSignature> signatures)
    {
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var share = 5000 / Math.Max(signatures.Count, 1);
        var row = new TableRow();
        foreach (var signature in signatures)
        {
            var paragraphs = new List<Paragraph>
            {
                Para(signature.Title, bold: true, center: true, spaceBefore: 240),
                Para(signature.Instruction, italic: true, center: true),
                Para(""), Para(""), Para(""),
            };
            if (signature.Name is { } name)
            {
                paragraphs.Add(Para(name, bold: true, center: true));
            }
            row.Append(Cell(paragraphs, share));
        }
        table.Append(row);
        return table;
    }

    private static Table Grid(FormTable source)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border));
        table.Append(new TableRow(source.Headers.Select(h => Cell([Para(h, bold: true, center: true)], 0))));
        foreach (var values in source.Rows)
        {
            table.Append(new TableRow(values.Select(v => Cell([Para(v)], 0))));
        }
        return table;
    }

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, int pct)
    {
        var cell = new TableCell(new TableCellProperties(pct > 0
            ? new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = pct.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : new TableCellWidth { Type = TableWidthUnitValues.Auto }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Field(string label, string value) =>
        new(new ParagraphProperties(new Indentation { FirstLine = "567" }),
            new Run(new Text(label + ": ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties(new Bold()), new Text(value) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, int spaceBefore = 0, bool indent = false)
    {
        var properties = new ParagraphProperties();
        if (center)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }
        else
        {
            properties.Append(new Justification { Val = JustificationValues.Both });
        }
        if (spaceBefore > 0)
        {
            properties.Append(new SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        if (indent || !center)
        {
            properties.Append(new Indentation { FirstLine = indent ? "851" : "567" });
        }
        var run = new RunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }
        if (italic)
        {
            run.Append(new Italic());
        }
        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph Qr(MainDocumentPart main, byte[] png)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var content = new MemoryStream(png))
        {
            image.FeedData(content);
        }
        const long size = 1080000; // 3 cm in EMU
        var id = main.GetIdOfPart(image);
        var drawing = new Drawing(new DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline(
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent { Cx = size, Cy = size },
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties { Id = 1U, Name = "QR" },
            new DocumentFormat.OpenXml.Drawing.Graphic(new DocumentFormat.OpenXml.Drawing.GraphicData(
                new DocumentFormat.OpenXml.Drawing.Pictures.Picture(
                    new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureProperties(
                        new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualDrawingProperties { Id = 0U, Name = "qr.png" },
                        new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureDrawingProperties()),
                    new DocumentFormat.OpenXml.Drawing.Pictures.BlipFill(
                        new DocumentFormat.OpenXml.Drawing.Blip { Embed = id },
                        new DocumentFormat.OpenXml.Drawing.Stretch(new DocumentFormat.OpenXml.Drawing.FillRectangle())),
                    new DocumentFormat.OpenXml.Drawing.Pictures.ShapeProperties(
                        new DocumentFormat.OpenXml.Drawing.Transform2D(
                            new DocumentFormat.OpenXml.Drawing.Offset { X = 0L, Y = 0L },
                            new DocumentFormat.OpenXml.Drawing.Extents { Cx = size, Cy = size }),
                        new DocumentFormat.OpenXml.Drawing.PresetGeometry { Preset = DocumentFormat.OpenXml.Drawing.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing));
    }

    private static SectionProperties Section(bool a5) =>
        new(
            new PageSize { Width = a5 ? 8391U : 11906U, Height = a5 ? 11906U : 16838U },
            new PageMargin { Top = a5 ? 850 : 1134, Bottom = a5 ? 850 : 1134, Left = a5 ? 1000U : 1701U, Right = a5 ? 850U : 850U, Header = 500U, Footer = 500U, Gutter = 0U });
}
