package org.pallas.server.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.pallas.ledger.TileFormatException;
import org.pallas.ledger.TileId;
import org.pallas.server.platform.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The C2SP tlog-tiles read API under {@code /ledger}, public: the signed checkpoint, hash tiles and entry
 * bundles. Full tiles never change and are cached as immutable; partial tiles and the checkpoint grow.
 */
@RestController
class LedgerTiles {

    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl GROWING = CacheControl.noCache().cachePublic();

    private final LedgerReads reads;

    LedgerTiles(LedgerReads reads) {
        this.reads = reads;
    }

    @GetMapping("/ledger/checkpoint")
    ResponseEntity<byte[]> checkpoint() {
        String note = reads.checkpoint().orElseThrow(() -> new NotFoundException("Ledger checkpoint", "latest"));
        return ResponseEntity.ok()
                .cacheControl(GROWING)
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(note.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/ledger/tile/{*path}")
    ResponseEntity<byte[]> tile(@PathVariable String path) {
        TileId id;
        try {
            id = TileId.parse("tile" + path);
        } catch (TileFormatException e) {
            throw new NotFoundException("Tile", path);
        }
        byte[] data = reads.tile(id).orElseThrow(() -> new NotFoundException("Tile", path));
        return ResponseEntity.ok()
                .cacheControl(id.isFull() ? IMMUTABLE : GROWING)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(data);
    }
}
