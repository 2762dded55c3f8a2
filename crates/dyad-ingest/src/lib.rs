//! Input side of dyad: readers, cleaning, metadata.
