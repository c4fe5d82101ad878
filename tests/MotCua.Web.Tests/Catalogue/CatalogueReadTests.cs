using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.Web.Tests.Catalogue;

public sealed class CatalogueReadTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task List_ByFieldLevelAndOnlineLevel_ReturnsThePublishedProcedures()
    {
        var body = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures?field=HOTICH&level=xa&pageSize=100");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(body.GetProperty("total").GetInt32(), items.Count);
        Assert.True(items.Count >= 15);
        Assert.All(items, i => Assert.Equal("HOTICH", i.GetProperty("field").GetString()));
        var birth = items.Single(i => i.GetProperty("code").GetString() == "1.001193");
        Assert.Equal("Đăng ký khai sinh", birth.GetProperty("name").GetString());
        Assert.Equal(0, birth.GetProperty("processingTime").GetProperty("value").GetDecimal());
        Assert.Equal("working_days", birth.GetProperty("processingTime").GetProperty("unit").GetString());

        var online = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures?onlineLevel=toan_trinh&pageSize=200");
        Assert.All(online.GetProperty("items").EnumerateArray(), i => Assert.Equal("toan_trinh", i.GetProperty("onlineLevel").GetString()));
    }

    [Theory]
    [InlineData("dang ky khai sinh", "1.001193")]
    [InlineData("con mới đẻ làm giấy tờ gì", "1.001193")]
    [InlineData("mất sổ đỏ", "1.012786")]
    [InlineData("xin giấy độc thân", "1.004873")]
    [InlineData("dang ky khai sihn", "1.001193")]
    public async Task Search_UnderstandsHowCitizensAsk(string query, string expected)
    {
        var body = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/procedures?q={Uri.EscapeDataString(query)}");
        var first = body.GetProperty("items")[0];
        Assert.Equal(expected, first.GetProperty("code").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Search_ReturnsTheMatchedWordsForHighlighting()
    {
        var body = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=dang%20ky%20ket%20hon");
        var matched = body.GetProperty("items")[0].GetProperty("matched").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("ket", matched);
        Assert.Contains("hon", matched);
    }

    [Fact]
    public async Task Detail_ShowsEverythingTheDecreeRequires()
    {
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.001193");
        Assert.Equal("Đăng ký khai sinh", detail.GetProperty("name").GetString());
        Assert.Equal("Hộ tịch", detail.GetProperty("fieldName").GetString());
        var components = detail.GetProperty("components").EnumerateArray().ToList();
        Assert.True(components.Count >= 3);
        Assert.All(components, c =>
        {
            Assert.NotEqual(Guid.Empty, c.GetProperty("id").GetGuid());
            Assert.True(c.GetProperty("copies").GetInt32() >= 1);
            _ = c.GetProperty("original").GetBoolean();
            _ = c.GetProperty("required").GetBoolean();
        });
        Assert.NotEmpty(detail.GetProperty("steps").EnumerateArray());
        Assert.NotEmpty(detail.GetProperty("legalBasis").EnumerateArray());
        Assert.NotEmpty(detail.GetProperty("implementationSteps").EnumerateArray());
        Assert.Equal("1234/QĐ-UBND (dữ liệu mẫu)", detail.GetProperty("announcement").GetProperty("decisionNumber").GetString());
        Assert.Equal("Trong ngày", detail.GetProperty("processingTime").GetProperty("description").GetString());
        Assert.False(detail.GetProperty("abolished").GetBoolean());
    }

    [Fact]
    public async Task Detail_UnknownCode_Returns404Problem()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/procedures/9.999999");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("level=thon", "level")]
    [InlineData("onlineLevel=muc4", "onlineLevel")]
    [InlineData("field=KHONGCO", "field")]
    public async Task List_UnknownFilter_Returns400(string query, string field)
    {
        var response = await app.Anonymous().GetAsync("/api/v1/procedures?" + query);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Fields_CountPublishedProcedures()
    {
        var fields = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/fields");
        var civil = fields.EnumerateArray().Single(f => f.GetProperty("code").GetString() == "HOTICH");
        Assert.Equal("Hộ tịch", civil.GetProperty("name").GetString());
        Assert.True(civil.GetProperty("procedures").GetInt32() >= 15);
    }
}
