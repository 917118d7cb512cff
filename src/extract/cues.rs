//! Polarity, modality, hedging and attribution cues.
