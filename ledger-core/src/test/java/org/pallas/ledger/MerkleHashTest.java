package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.ledger.ReferenceTree.hex;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MerkleHashTest {

    @Test
    void hashesTheEmptyTreeAsSha256OfNothing() {
        assertThat(MerkleHash.hex(MerkleHash.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hashesLeavesWithTheZeroPrefix() {
        assertThat(MerkleHash.hex(MerkleHash.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(MerkleHash.hex(MerkleHash.leaf("L123456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(MerkleHash.hex(MerkleHash.leaf("hello world".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("4eccf34608d31bac5c7becf6006df59005d828181056d092084e341e6bb005bd");
    }

    @Test
    void hashesNodesWithTheOnePrefix() {
        byte[] node =
                MerkleHash.node("N123".getBytes(StandardCharsets.US_ASCII), "N456".getBytes(StandardCharsets.US_ASCII));
        assertThat(MerkleHash.hex(node)).isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void separatesLeafAndNodeDomains() {
        byte[] left = hex(ReferenceTree.NODES.get("L0"));
        byte[] right = hex(ReferenceTree.NODES.get("L1"));
        byte[] concatenated = new byte[64];
        System.arraycopy(left, 0, concatenated, 0, 32);
        System.arraycopy(right, 0, concatenated, 32, 32);
        assertThat(MerkleHash.leaf(concatenated)).isNotEqualTo(MerkleHash.node(left, right));
    }
}
