package org.flowexplorer.model;
final class Placeholder {}
