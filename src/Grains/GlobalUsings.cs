global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.DependencyInjection;
global using Loyalty.Client;
global using Loyalty.Client.Programs;
global using Loyalty.Client.Telemetry;
global using Loyalty.Client.Ingestion;
