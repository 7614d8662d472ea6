package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tile building, tile-backed proofs and the derived tile vectors of reference §2.9. */
class TileIntegratorTest {

    @Test
    void buildsTheReferenceTreeTilesAndBundleWithThePublishedDigests() throws Exception {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            entries.add(ReferenceTree.input(i));
        }

        TileIntegrator.Integration result = TileIntegrator.integrate(new MemoryTileStore(), 0, entries);

        assertThat(result.tiles().keySet())
                .extracting(TileId::path)
                .containsExactly("tile/entries/000.p/8", "tile/0/000.p/8");
        byte[] tile = result.tiles().get(TileId.tile(0, 0, 8));
        byte[] bundle = result.tiles().get(TileId.entries(0, 8));
        assertThat(MerkleHash.hex(MerkleHash.sha256(tile)))
                .isEqualTo("aea2f1bbb5140fd5f8eacb503fdf54c00c3d860c72588e40233addd416bc8f10");
        assertThat(MerkleHash.hex(bundle))
                .isEqualTo(
                        "00000001000001100002202100023031000440414243000850515253545556570010606162636465666768696a6b6c6d6e6f");
        assertThat(MerkleHash.hex(MerkleHash.sha256(bundle)))
                .isEqualTo("1afdc32f06ff88236207410a37b10ff2b5647186b52a531da0416d539b15a876");
        assertThat(MerkleHash.hex(result.rootHash())).isEqualTo(ReferenceTree.ROOTS.get(8));
    }

    @ParameterizedTest(name = "size {0}")
    @CsvSource(textBlock = """
            255, bb3b9743e08118ea583ae77df04a1449a0601cde6f75146d79c2cab6366ce210
            256, 15e2dd4973ae44de8c8cf3048fd98d17adaaea6287f4e0606a55a643617408c0
            257, d418c0873259bce7d0561ab004486112416c1c4490865415342bfe06e673146c
            1000, c89faf3395d034a77c12c76d636db96358d6d2839c3c68f6329a07231e82fce2
            65536, bc9bca909516d5bf148c2bf2dea0a0d9f717ce4987d2fe7504d6694363b41598
            70000, 0759167a0f98e35e802d46ff7c7d29d2c3f03a63a256deb6abbff357a91b63b1
            """)
    void reachesTheDerivedRootsAcrossTileBoundariesInUnevenBatches(int size, String root) throws Exception {
        MemoryTileStore store = new MemoryTileStore();
        MemoryTree tree = new MemoryTree();
        Random random = new Random(size);
        long done = 0;
        byte[] last = null;
        while (done < size) {
            int batch = (int) Math.min(size - done, 1 + random.nextInt(700));
            List<byte[]> entries = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                entries.add(uint64(done + i));
                tree.appendData(uint64(done + i));
            }
            TileIntegrator.Integration result = TileIntegrator.integrate(store, done, entries);
            result.tiles().forEach(store::write);
            assertThat(result.rootHash()).isEqualTo(tree.rootHash());
            done = result.treeSize();
            last = result.rootHash();
        }
        assertThat(MerkleHash.hex(last)).isEqualTo(root);
        assertThat(MerkleHash.hex(new ProofBuilder(new TileHashSource(store, size)).rootHash(size)))
                .isEqualTo(root);
    }

    @Test
    void writesOnlyTheTilesOnTheRightEdgeForASmallBatch() throws Exception {
        MemoryTileStore store = integrateAll(70_000);

        TileIntegrator.Integration result = TileIntegrator.integrate(store, 70_000, List.of(uint64(70_000)));

        assertThat(result.tiles().keySet())
                .extracting(TileId::path)
                .containsExactly("tile/entries/273.p/113", "tile/0/273.p/113");
    }

    @Test
    void writesTheTilesThatAnAppendCompletesAtEveryLevel() throws Exception {
        MemoryTileStore store = integrateAll(65_535);

        Map<TileId, byte[]> tiles =
                TileIntegrator.integrate(store, 65_535, List.of(uint64(65_535))).tiles();

        assertThat(tiles.keySet())
                .extracting(TileId::path)
                .containsExactly("tile/entries/255", "tile/0/255", "tile/1/000", "tile/2/000.p/1");
    }

    @Test
    void generatesTheSameProofsFromTilesAsFromTheWholeTreeForEveryIntegratedSize() throws Exception {
        MemoryTileStore store = new MemoryTileStore();
        MemoryTree tree = new MemoryTree();
        List<Long> checkpoints = new ArrayList<>();
        Random random = new Random(7);
        long size = 0;
        while (size < 20_000) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = random.nextInt(600); i >= 0; i--, size++) {
                batch.add(uint64(size));
                tree.appendData(uint64(size));
            }
            TileIntegrator.integrate(store, size - batch.size(), batch).tiles().forEach(store::write);
            checkpoints.add(size);
        }
        ProofBuilder fromTree = new ProofBuilder(tree);
        for (int i = 0; i < 100; i++) {
            long treeSize = checkpoints.get(random.nextInt(checkpoints.size()));
            long index = random.nextInt((int) treeSize);
            ProofBuilder fromTiles = new ProofBuilder(new TileHashSource(store, treeSize));
            InclusionProof inclusion = fromTiles.inclusionProof(index, treeSize);
            assertThat(ReferenceTree.hexes(inclusion.hashes()))
                    .isEqualTo(ReferenceTree.hexes(
                            fromTree.inclusionProof(index, treeSize).hashes()));
            inclusion.verify(MerkleHash.leaf(uint64(index)), fromTree.rootHash(treeSize));
            long from = checkpoints.get(random.nextInt(checkpoints.indexOf(treeSize) + 1));
            ConsistencyProof consistency = fromTiles.consistencyProof(from, treeSize);
            assertThat(ReferenceTree.hexes(consistency.hashes()))
                    .isEqualTo(ReferenceTree.hexes(
                            fromTree.consistencyProof(from, treeSize).hashes()));
            consistency.verify(fromTree.rootHash(from), fromTree.rootHash(treeSize));
        }
    }

    @Test
    void readsThePrefixOfTheFullTileWhenAnOldPartialTileIsGone() throws Exception {
        MemoryTileStore store = integrateAll(300);
        List<byte[]> more = new ArrayList<>();
        for (int i = 300; i < 512; i++) {
            more.add(uint64(i));
        }
        TileIntegrator.integrate(store, 300, more).tiles().forEach(store::write);
        assertThat(store.read(TileId.tile(0, 1, 100))).isEmpty();

        byte[] root = new ProofBuilder(new TileHashSource(store, 356)).rootHash(356);

        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < 356; i++) {
            tree.appendData(uint64(i));
        }
        assertThat(root).isEqualTo(tree.rootHash());
    }

    @Test
    void reportsATileOfTheWrongLength() {
        MemoryTileStore store = new MemoryTileStore();
        store.write(TileId.tile(0, 0, 3), new byte[95]);
        assertThatThrownBy(() -> new ProofBuilder(new TileHashSource(store, 3)).rootHash(3))
                .isInstanceOf(TileFormatException.class)
                .hasMessage("tile/0/000.p/3: expected 96 bytes for 3 hashes, got 95");
        assertThatThrownBy(() -> new ProofBuilder(new TileHashSource(store, 4)).rootHash(4))
                .isInstanceOf(TileFormatException.class)
                .hasMessage("tile/0/000.p/4: missing");
    }

    @Test
    void rejectsAnEntryLargerThanABundleCanHold() {
        assertThatThrownBy(() -> TileIntegrator.integrate(new MemoryTileStore(), 0, List.of(new byte[65_536])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry 0 of the batch has 65536 bytes, more than the 65535-byte limit");
    }

    @Test
    void decodesBundlesAndReportsTruncation() throws Exception {
        byte[] bundle = EntryBundle.encode(List.of(new byte[] {1, 2}, new byte[0]));
        assertThat(EntryBundle.decode(bundle, 2, "b")).hasSize(2);
        assertThatThrownBy(() -> EntryBundle.decode(bundle, 3, "tile/entries/000.p/3"))
                .isInstanceOf(TileFormatException.class)
                .hasMessage("tile/entries/000.p/3: expected 3 entries, found 2");
        byte[] truncated = java.util.Arrays.copyOf(bundle, 3);
        assertThatThrownBy(() -> EntryBundle.decode(truncated, 2, "x"))
                .isInstanceOf(TileFormatException.class)
                .hasMessage("x: entry 0 declares 2 bytes but only 1 remain");
    }

    static MemoryTileStore integrateAll(int size) throws Exception {
        MemoryTileStore store = new MemoryTileStore();
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(uint64(i));
        }
        TileIntegrator.integrate(store, 0, entries).tiles().forEach(store::write);
        return store;
    }

    static byte[] uint64(long i) {
        return ByteBuffer.allocate(8).putLong(i).array();
    }
}
