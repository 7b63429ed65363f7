package vmalab.viewmodel;

import vmalab.model.Kernel;

/** The machine a session starts from. */
public final class Kernels {
    private Kernels() {
    }

    /** A fresh kernel with no process, with the paging model (PhysicalMemory) as its physical side. */
    public static Kernel fresh() {
        return new Kernel();
    }
}
