package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Third parties code against the released contract: any change to the schema the service builds must be
 * deliberate, show up in review as a diff of schema/graphql/snapshot/released.graphqls, and, when it breaks
 * clients, be written up in CHANGELOG.md.
 */
class SchemaSnapshotTest {

    @Test
    void theBuiltSchemaIsTheReleasedContract() {
        String built = ContractSchema.print(ContractSchema.built());
        if (Boolean.getBoolean("smartcare.schema.snapshot.update")) {
            ContractSchema.writeSnapshot(built);
            System.out.println("wrote " + ContractSchema.SNAPSHOT.toAbsolutePath());
            return;
        }
        String released = ContractSchema.snapshot();
        if (!released.equals(built)) {
            fail("The schema the service builds differs from the released contract " + ContractSchema.SNAPSHOT
                    + " (- released, + built now):\n\n" + LineDiff.of(released, built, 3)
                    + "\nIf the change is intended, regenerate the snapshot with\n  " + ContractSchema.REGENERATE
                    + "\nand record it in CHANGELOG.md: a removed or renamed type, field, argument or enum value, a"
                    + " non-null output made nullable, or an input made non-null or narrower is a breaking change;"
                    + " say how clients migrate.");
        }
    }

    @Test
    void theDeclaredAndTheBuiltSchemaAgree() {
        // Wiring must not add, drop or redescribe anything the SDL files declare (scalars included).
        String declared = ContractSchema.print(ContractSchema.declared());
        String built = ContractSchema.print(ContractSchema.built());
        assertTrue(declared.equals(built), "- declared by the SDL files, + built by GraphQLFactory:\n"
                + LineDiff.of(declared, built, 2));
    }

    @Test
    void theDiffShowsWhatChanged() {
        String diff = LineDiff.of("type A {\n  a: Int\n  b: Int\n}\n", "type A {\n  a: Int\n  c: Int\n}\n", 1);
        assertTrue(diff.contains("- " + "  b: Int") && diff.contains("+ " + "  c: Int"), diff);
        assertTrue(!diff.contains("type A"), diff);
    }
}
