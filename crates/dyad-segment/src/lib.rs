//! Segmentation: paragraphs, sentences, tokens.
