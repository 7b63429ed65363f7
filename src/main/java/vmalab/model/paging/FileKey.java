package vmalab.model.paging;

import vmalab.model.fs.SimFile;

/**
 * The page cache's name for a file: its inode (device and number), as an address_space belongs to an inode.
 * The path is kept for display; two paths of one inode are one file.
 */
public record FileKey(int major, int minor, long inode, String path) {
    static FileKey of(SimFile f) {
        return new FileKey(f.devMajor(), f.devMinor(), f.inode(), f.path());
    }

    /** shmem_zero_setup()'s files ("/dev/zero (deleted)", device 00:01) are shmem. */
    static boolean isShmem(SimFile f) {
        return f.devMajor() == 0 && f.devMinor() == 1;
    }

    public boolean shmem() {
        return major == 0 && minor == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileKey k && k.major == major && k.minor == minor && k.inode == inode;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inode) * 31 + major * 257 + minor;
    }
}
