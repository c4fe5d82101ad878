using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MotCua.Core.Documents;

/// <summary>Cell looks available to spreadsheets the product writes.</summary>
public enum CellStyle : uint
{
    Normal = 0,
    /// <summary>Bold, shaded, bordered, wrapped: a table header.</summary>
    Header = 1,
    /// <summary>Bordered and wrapped: a table cell.</summary>
    Cell = 2,
    /// <summary>Bold, larger, centred: a report title.</summary>
    Title = 3,
    /// <summary>Bordered number with thousands separators.</summary>
    Number = 4,
    /// <summary>Centred, italic: subtitles and signature lines.</summary>
    Centered = 5,
    /// <summary>Bold and centred: a signature block heading.</summary>
    BoldCentered = 6,
    /// <summary>Bordered percentage with two decimals.</summary>
    Percent = 7,
}

/// <summary>One worksheet: cells by position, merged ranges, column widths, frozen header rows.</summary>
public sealed class Sheet(string name)
{
    internal readonly SortedDictionary<int, SortedDictionary<int, (object? Value, CellStyle Style)>> Rows = [];
    internal readonly List<string> Merges = [];
    internal readonly Dictionary<int, double> Widths = [];

    public string Name { get; } = name;

    public int FrozenRows { get; set; }

    /// <summary>Sets a cell (1-based row and column); strings, integers and decimals are written as such.</summary>
    public Sheet Set(int row, int column, object? value, CellStyle style = CellStyle.Normal)
    {
        if (!Rows.TryGetValue(row, out var cells))
        {
            Rows[row] = cells = [];
        }
        cells[column] = (value, style);
        return this;
    }

    /// <summary>Writes a row of values from the first column on.</summary>
    public Sheet Row(int row, CellStyle style, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Set(row, i + 1, values[i], style);
        }
        return this;
    }

    public Sheet Merge(int fromRow, int fromColumn, int toRow, int toColumn)
    {
        Merges.Add($"{Reference(fromRow, fromColumn)}:{Reference(toRow, toColumn)}");
        return this;
    }

    public Sheet Width(int column, double characters)
    {
        Widths[column] = characters;
        return this;
    }

    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }
        return letters + row;
    }
}

/// <summary>
/// Writes and reads .xlsx files with the Open XML SDK (what Excel and LibreOffice open), so that every
/// table the product shows can be exported and catalogue sheets can be imported.
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(params Sheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var sheetsElement = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                sheetsElement.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The first worksheet's rows as text (empty cells as ""), in order; numbers as invariant text.</summary>
    public static List<string[]> ReadFirstSheet(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        var first = workbookPart.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var part = (WorksheetPart)workbookPart.GetPartById(first.Id!.Value!);
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var rows = new List<string[]>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var values = new SortedDictionary<int, string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value ?? "A1");
                var text = cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index) && index < shared.Length
                    ? shared[index]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
                values[column] = text;
            }
            var width = values.Count == 0 ? 0 : values.Keys.Max();
            var array = new string[width];
            for (var i = 0; i < width; i++)
            {
                array[i] = values.GetValueOrDefault(i + 1, "");
            }
            var rowIndex = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
            while (rows.Count < rowIndex - 1)
            {
                rows.Add([]);
            }
            rows.Add(array);
        }
        return rows;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index;
    }

    private static Worksheet Worksheet(Sheet sheet)
    {
        var worksheet = new Worksheet();
        if (sheet.FrozenRows > 0)
        {
            worksheet.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = sheet.FrozenRows,
                TopLeftCell = Sheet.Reference(sheet.FrozenRows + 1, 1),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 }));
        }
        if (sheet.Widths.Count > 0)
        {
            worksheet.Append(new Columns(sheet.Widths.OrderBy(w => w.Key).Select(w =>
                new Column { Min = (uint)w.Key, Max = (uint)w.Key, Width = w.Value, CustomWidth = true })));
        }
        var data = new SheetData();
        foreach (var (rowIndex, cells) in sheet.Rows)
        {
            var row = new Row { RowIndex = (uint)rowIndex };
            foreach (var (column, (value, style)) in cells)
            {
                var cell = new Cell { CellReference = Sheet.Reference(rowIndex, column), StyleIndex = (uint)style };
                switch (value)
                {
                    case null:
                        break;
                    case int or long or decimal or double or float:
                        cell.CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                        cell.DataType = CellValues.Number;
                        break;
                    default:
                        cell.InlineString = new InlineString(new Text(value.ToString() ?? "") { Space = SpaceProcessingModeValues.Preserve });
                        cell.DataType = CellValues.InlineString;
                        break;
                }
                row.Append(cell);
            }
            data.Append(row);
        }
        worksheet.Append(data);
        if (sheet.Merges.Count > 0)
        {
            worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
        }
        return worksheet;
    }

    private static Stylesheet Styles()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Times New Roman" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDCE6F1" }) { PatternType = PatternValues.Solid }));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);
        var formats = new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "0.00%" });
        Alignment Wrap(HorizontalAlignmentValues? horizontal = null) => new() { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = horizontal };
        var cellFormats = new CellFormats(
            new CellFormat(),
            new CellFormat(Wrap(HorizontalAlignmentValues.Center)) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(Wrap()) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(Wrap(HorizontalAlignmentValues.Center)) { FontId = 2, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(Wrap(HorizontalAlignmentValues.Right)) { BorderId = 1, NumberFormatId = 164, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(Wrap(HorizontalAlignmentValues.Center)) { FontId = 3, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(Wrap(HorizontalAlignmentValues.Center)) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(Wrap(HorizontalAlignmentValues.Right)) { BorderId = 1, NumberFormatId = 165, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true });
        return new Stylesheet(formats, fonts, fills, borders, cellFormats);
    }
}
