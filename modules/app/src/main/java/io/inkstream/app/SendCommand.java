package io.inkstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code inkstream send}: pushes wire items (files, folders, URLs) to a running ingest. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send wire items to a running ingest (POST /v1/items) with a progress bar and a summary.")
final class SendCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", description = "Files, directories (all files inside) or http(s) URLs to fetch and send.")
    List<String> inputs;

    @Option(names = "--to", defaultValue = "http://localhost:8080", description = "Base URL of ingest (default ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--format", description = "Declare the format instead of letting ingest sniff it.")
    String format;

    @Option(names = "--api-key", defaultValue = "${env:INGEST_API_KEY}", description = "API key (X-Api-Key header); default from INGEST_API_KEY.")
    String apiKey;

    @Override
    public Integer call() throws Exception {
        List<Item> items = collect();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int accepted = 0;
        int duplicates = 0;
        Map<String, String> rejected = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            progress(i, items.size(), item.name());
            String query = "?filename=" + URLEncoder.encode(item.name(), StandardCharsets.UTF_8)
                    + (format == null ? "" : "&format=" + URLEncoder.encode(format, StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to + "/v1/items" + query))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(item.bytes()));
            if (apiKey != null && !apiKey.isBlank()) {
                request.header("X-Api-Key", apiKey);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                System.err.println("\ninkstream: cannot reach ingest at " + to + ": " + e.getMessage());
                return 2;
            }
            JsonNode body = readJson(response.body());
            if (response.statusCode() / 100 == 2) {
                if (body.path("duplicate").asBoolean(false)) {
                    duplicates++;
                } else {
                    accepted++;
                }
            } else {
                rejected.put(item.name(), response.statusCode() + " " + body.path("message").asText(response.body()));
            }
        }
        progress(items.size(), items.size(), "");
        System.out.printf("%nSent %d item(s): %d accepted, %d duplicate, %d rejected%n",
                items.size(), accepted, duplicates, rejected.size());
        rejected.forEach((name, reason) -> System.out.println("  rejected " + name + ": " + reason));
        return rejected.isEmpty() ? 0 : 1;
    }

    private record Item(String name, byte[] bytes) {
    }

    private List<Item> collect() throws IOException, InterruptedException {
        List<Item> items = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String input : inputs) {
            if (input.startsWith("http://") || input.startsWith("https://")) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(input)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                items.add(new Item(input, response.body()));
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        items.add(new Item(file.getFileName().toString(), Files.readAllBytes(file)));
                    }
                }
            } else if (Files.isRegularFile(path)) {
                items.add(new Item(path.getFileName().toString(), Files.readAllBytes(path)));
            } else {
                throw new IllegalArgumentException("no such file or directory: " + input);
            }
        }
        return items;
    }

    private static void progress(int done, int total, String current) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        System.out.printf("\r[%s%s] %d/%d %-40.40s", "#".repeat(filled), " ".repeat(width - filled), done, total, current);
        System.out.flush();
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
