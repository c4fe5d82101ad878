using MotCua.Bench;

return args.FirstOrDefault() switch
{
    "calendar" => CalendarThroughput.Run(args.Skip(1).ToArray()),
    "search-quality" => SearchQuality.Run(args.Skip(1).ToArray()),
    "search-speed" => SearchQuality.Speed(args.Skip(1).ToArray()),
    "catalogue-data" => CatalogueData.Run(args.Skip(1).ToArray()),
    "import-catalogue" => ApiSession.ImportCatalogue(args.Skip(1).ToArray()),
    "load" => LoadGenerator.Run(args.Skip(1).ToArray()),
    "officer-tokens" => DossierBench.OfficerTokens(args.Skip(1).ToArray()),
    "reception-documents" => DossierBench.ReceptionDocuments(args.Skip(1).ToArray()),
    "dossier-data" => DossierBench.DossierData(args.Skip(1).ToArray()),
    "report-data" => ReportBench.Data(args.Skip(1).ToArray()),
    "reports" => ReportBench.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: MotCua.Bench <command>
          calendar [--rounds N] [--count N]                      due computations per second on one thread
          search-quality [queries.tsv] [--verbose]               hit@3 and MRR of catalogue search
          catalogue-data [--count 6000] [--out file.json]        a synthetic catalogue in the import format
          import-catalogue --base URL --file F --password P      imports it through the API, showing progress
          load --base URL --paths F [--connections 16] [--seconds 20] [--warmup 5] [--token T]   closed-loop HTTP load
          officer-tokens --base URL --password P --officers role@agency,...   new officers' bearer tokens, one per line
          reception-documents --base URL --token T [--procedure CODE]   the documents JSON of a complete reception
          dossier-data --connection CS [--count 1000000] [--open 20000] [--open-agency CODE] [--paths F]   bulk dossiers (PostgreSQL)
          report-data --connection CS [--units 100] [--count 10000000] [--years 3] [--end yyyy-MM-dd]   provincial history (PostgreSQL)
          reports --base URL --password P --connection CS [--from 2025-01-01] [--to 2025-12-31] [--runs 30] [--naive-runs 5]
                                                                 builds the figures, times dashboard and form 06 against naive SQL
        """);
    return 2;
}
