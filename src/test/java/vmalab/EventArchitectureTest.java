package vmalab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vmalab.model.event.Narration;
import vmalab.model.event.TaskEvent;
import vmalab.model.paging.PagingEvent;

/**
 * Events are data and the kernel knows nothing of system calls: the model outside {@code model.syscall} does
 * not depend on it (no Kernel ↔ Dispatcher cycle), the event records carry no display strings, and the code
 * that emits events builds no sentences (the narrator in io does, on demand).
 */
@AnalyzeClasses(packages = "vmalab", importOptions = ImportOption.DoNotIncludeTests.class)
class EventArchitectureTest {
    @ArchTest
    static final ArchRule modelDoesNotCallTheSyscalls = noClasses().that().resideInAPackage("vmalab.model..")
        .and().resideOutsideOfPackage("vmalab.model.syscall..")
        .should().dependOnClassesThat().resideInAPackage("vmalab.model.syscall..");

    @ArchTest
    static final ArchRule narrationsHoldNoText = fields().that().areDeclaredIn(Narration.class)
        .should().notHaveRawType(String.class);

    @ArchTest
    static final ArchRule syscallsHoldNoStraceText = fields().that().areDeclaredIn(TaskEvent.SyscallDone.class)
        .should().notHaveRawType(String.class);

    @ArchTest
    static final ArchRule frameOwnersAreData = fields().that()
        .areDeclaredIn(PagingEvent.FrameOwnerChanged.class).should().notHaveRawType(String.class);

    /** A process's name (comm) is data the user gave; nothing else in an event is text. */
    @ArchTest
    static final ArchRule eventsHoldNoText = fields().that().areDeclaredInClassesThat()
        .resideInAPackage("vmalab.model.event..").and().areDeclaredInClassesThat().areNotEnums()
        .and().doNotHaveName("comm").should().notHaveRawType(String.class);

    @ArchTest
    static final ArchRule emittersBuildNoSentences = noClasses().that()
        .resideInAnyPackage("vmalab.model.event..", "vmalab.model.syscall..", "vmalab.model.fault..")
        .or().haveSimpleName("FaultHandler").or().haveSimpleName("PteRanges").or().haveSimpleName("MemoryState")
        .should().callMethod(String.class, "format", String.class, Object[].class);
}
