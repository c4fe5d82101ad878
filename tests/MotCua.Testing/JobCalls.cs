using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace MotCua.Testing;

public static class JobCalls
{
    /// <summary>Follows a background job accepted with 202 until it ends; its result once it succeeded.</summary>
    public static async Task<JsonElement> JobResultAsync(this HttpClient client, HttpResponseMessage accepted)
    {
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.OriginalString;
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                Assert.True(job.GetProperty("status").GetString() == "succeeded", job.GetProperty("error").ToString());
                return job.GetProperty("result");
            }
            await Task.Delay(200);
        }
        Assert.Fail("The job did not finish.");
        return default;
    }
}
