//! The claim graph: claims linked across sources into slots with petgraph.
