package vmalab.app;

import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.op.Op;

/**
 * Where the window applies operations to the model: the one call site (views and viewmodel see the kernel
 * read-only; the timeline is handed this function).
 */
public final class Operations {
    private Operations() {
    }

    public static OpResult apply(Kernel kernel, Op op) {
        return kernel.apply(op);
    }
}
