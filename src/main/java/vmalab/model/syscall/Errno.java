package vmalab.model.syscall;

/** The errno values the memory system calls return (include/uapi/asm-generic/errno-base.h), negated as the kernel returns them. */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    EINTR(4, "Interrupted system call"),
    EAGAIN(11, "Resource temporarily unavailable"),
    ENOMEM(12, "Cannot allocate memory"),
    EACCES(13, "Permission denied"),
    EFAULT(14, "Bad address"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    ENODEV(19, "No such device"),
    EINVAL(22, "Invalid argument"),
    EOVERFLOW(75, "Value too large for defined data type");

    private final int value;
    private final String message;

    Errno(int value, String message) {
        this.value = value;
        this.message = message;
    }

    /** The negative return value: -ENOMEM is -12. */
    public long ret() {
        return -value;
    }

    public String message() {
        return message;
    }

    /** The errno for a negative return value, or null. */
    public static Errno of(long ret) {
        for (Errno e : values()) {
            if (e.ret() == ret) return e;
        }
        return null;
    }
}
