package dev.researchvault.benchmarks.documents;

import dev.researchvault.benchmarks.Stats;
import dev.researchvault.benchmarks.usage.RegisteredVault;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.blob.BlobDigest;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.document.Document;
import dev.researchvault.domain.document.DocumentFilter;
import dev.researchvault.domain.document.DocumentRepository;
import dev.researchvault.domain.document.DocumentStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The document list at a library's size (issue 15: flat at 10 / 1,000 / 100,000 documents by cursor), run by
 * {@code benchmarks/http-documents.sh} in two steps on one data directory:
 * <ol>
 *   <li>{@code seed DATA_DIR DOCUMENTS}: registers the user and adds the documents through the port in transactions
 *   of 1,000, one in ten {@code processing}, a millisecond apart. Rows only: the list reads no bytes, so none are
 *   written (a 100,000-upload seed would time the blob store, not the list).</li>
 *   <li>{@code measure DATA_DIR BASE_URL SAMPLES}, with the packaged server started on the directory: the first page
 *   (20), a page after a cursor in the middle of the library, and a page of {@code status=processing} after a cursor
 *   in its middle, over HTTP and through the port, alternating sample by sample after warm-ups.</li>
 * </ol>
 * Prints Markdown table rows; progress goes to standard error.
 */
public final class DocumentListTiming {

    private static final int WARMUPS = 20;
    private static final int BATCH = 1_000;
    private static final int SIZE = 20;

    private DocumentListTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        if (args[0].equals("seed")) {
            seed(dataDir, Integer.parseInt(args[2]));
        } else {
            measure(dataDir, URI.create(args[2]), Integer.parseInt(args[3]));
        }
    }

    private static void seed(Path dataDir, int count) {
        try (RegisteredVault vault = new RegisteredVault(dataDir)) {
            DocumentRepository documents = vault.bean(DocumentRepository.class);
            BlobInfo file = new BlobInfo("application/pdf", 4, BlobDigest.of(new byte[4]));
            Instant first = Instant.parse("2026-01-01T00:00:00Z");
            long start = System.nanoTime();
            for (int done = 0; done < count; done += BATCH) {
                int from = done;
                vault.inTransaction(() -> {
                    for (int i = from; i < Math.min(from + BATCH, count); i++) {
                        Instant at = first.plusMillis(i);
                        Document document = Document.create(UUID.randomUUID(),
                                new Document.NewDocument("Paper " + i, "Author " + (i % 97), 2000 + i % 25, null, null), file, at);
                        documents.add(i % 10 == 0 ? document.change(new Document.DocumentChanges(null, null, null, false,
                                null, DocumentStatus.PROCESSING, null), at) : document);
                    }
                    return null;
                });
            }
            System.err.printf("documents: seeded %,d in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void measure(Path dataDir, URI base, int samples) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = RegisteredVault.login(client, base);
        try (RegisteredVault vault = new RegisteredVault(dataDir)) {
            DocumentRepository documents = vault.bean(DocumentRepository.class);
            long total = vault.inVault(() -> documents.count());
            DocumentFilter all = DocumentFilter.all();
            DocumentFilter processing = new DocumentFilter(DocumentStatus.PROCESSING, null, null);
            time(vault, client, base, token, samples, total, "first page", "", all, PageRequest.first());
            time(vault, client, base, token, samples, total, "page after a cursor in the middle", "",
                    all, middle(vault, documents, all, total));
            time(vault, client, base, token, samples, total, "status=processing after a cursor in the middle",
                    "status=processing&", processing, middle(vault, documents, processing, total / 10));
        }
    }

    /** The cursor {@code count / 2} items into the list (the first page's when the list is short). */
    private static PageRequest middle(RegisteredVault vault, DocumentRepository documents, DocumentFilter filter, long count) {
        int page = (int) Math.max(0, count / 2 / SIZE - 1);
        Page<Document> before = vault.inVault(() -> documents.list(filter, new PageRequest(page, SIZE)));
        return before.next() == null ? PageRequest.first() : PageRequest.after(before.next(), SIZE);
    }

    private static void time(RegisteredVault vault, HttpClient client, URI base, String token, int samples, long total,
                             String what, String query, DocumentFilter filter, PageRequest request) throws Exception {
        String after = request.after() == null ? "" : "&after=" + request.after().token();
        HttpRequest http = HttpRequest.newBuilder(base.resolve("/api/v1/documents?" + query + "size=" + SIZE + after))
                .header("Authorization", "Bearer " + token).GET().build();
        DocumentRepository documents = vault.bean(DocumentRepository.class);
        List<Double> port = new ArrayList<>();
        List<Double> overHttp = new ArrayList<>();
        for (int i = -WARMUPS; i < samples; i++) {
            long start = System.nanoTime();
            vault.inVault(() -> documents.list(filter, request));
            double portMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            HttpResponse<String> answer = client.send(http, HttpResponse.BodyHandlers.ofString());
            double httpMillis = (System.nanoTime() - start) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/documents answered " + answer.statusCode());
            }
            if (i >= 0) {
                port.add(portMillis);
                overHttp.add(httpMillis);
            }
        }
        System.out.printf("| documents | %,d documents: %s (%d): port \\| HTTP, p50 / p90 (min–max) ms, %d alternating"
                        + " samples each | %s \\| %s |%n", total, what, SIZE, samples, show(port), show(overHttp));
    }

    private static String show(List<Double> values) {
        return String.format("%.2f / %.2f (%.2f–%.2f)", Stats.percentile(values, 50), Stats.percentile(values, 90),
                Stats.of(values).min(), Stats.of(values).max());
    }
}
