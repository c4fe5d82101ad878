using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Testing;

namespace MotCua.Browser.Tests;

/// <summary>
/// The real app on Kestrel at a loopback port, driven by Debian's Chromium through Playwright
/// (no downloaded browser: <c>/usr/bin/chromium</c>, headless, offline flags).
/// </summary>
public sealed class BrowserApp : DossierApp
{
    private IPlaywright? _playwright;

    public static readonly (int Width, int Height) Desktop = (1366, 900);
    public static readonly (int Width, int Height) Phone = (390, 844);

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    protected override void StartApp()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ClientOptions.BaseAddress = new Uri(BaseUrl);
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MOTCUA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies) at the given viewport; CSP violations fail the test.</summary>
    public async Task<IPage> NewPageAsync((int Width, int Height)? viewport = null)
    {
        var size = viewport ?? Desktop;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                CspViolations.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    public List<string> CspViolations { get; } = [];

    /// <summary>Signs an officer in through the sign-in page, entering the TOTP code when asked.</summary>
    public async Task SignInAsync(IPage page, string userName, string password, string? totpSecret = null)
    {
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        if (totpSecret is not null)
        {
            await page.WaitForURLAsync("**/dang-nhap/xac-thuc**");
            await page.GetByLabel("Mã xác thực").FillAsync(await NextTotpAsync(totpSecret));
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
            await page.WaitForURLAsync("**/mot-cua**");
        }
    }

    /// <summary>Saves a screenshot under <c>artifacts/screenshots/</c> (git-ignored).</summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory(), name + ".png"), FullPage = true });

    /// <summary>Where screenshots and downloaded files are kept for people to look at (artifacts/screenshots).</summary>
    public static string ArtifactsDirectory()
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Runs axe-core in the page and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"Accessibility violations on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, blocking)}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MotCua.slnx")))
            {
                return directory.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}

/// <summary>All browser tests share one app and one Chromium; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
