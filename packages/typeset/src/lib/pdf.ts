/// <reference types="pdfkit" preserve="true" />
/**
 * pdfkit's types under names of our own, so apps that draw with typeset can name a document and a
 * structure element without depending on pdfkit themselves.
 */
export type PdfDocument = PDFKit.PDFDocument
export type StructureElement = PDFKit.PDFStructureElement
