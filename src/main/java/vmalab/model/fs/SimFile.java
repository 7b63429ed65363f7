package vmalab.model.fs;

/**
 * A file of the simulated filesystem: what /proc/PID/maps shows of a mapping's vm_file (device and inode) and
 * its path. Two mappings of the same file share its page-cache pages.
 */
public record SimFile(String path, long size, int devMajor, int devMinor, long inode) {
    public SimFile {
        if (path == null || path.isEmpty()) throw new IllegalArgumentException("file needs a path");
        if (size < 0) throw new IllegalArgumentException("negative file size");
    }

    /** The last path component, as pmap prints it. */
    public String baseName() {
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    /** Pages the file spans, rounded up. */
    public long pages() {
        return (size + 4095) >>> 12;
    }
}
